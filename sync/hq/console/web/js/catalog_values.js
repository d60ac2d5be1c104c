// The API's enumerations the console offers in its filters and forms (docs/console.md).
export const KINDS = ['repair', 'complaint', 'followup'];
export const CATEGORIES = ['water_electric', 'doors_windows', 'elevator', 'lighting', 'pipes', 'gas',
  'service', 'environment', 'security', 'facilities', 'fees', 'neighbours', 'suggestion', 'other'];
export const STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'callback_done'];
export const NOTICE_CATEGORIES = ['outage', 'finance', 'event', 'general'];
export const NOTICE_STATES = ['live', 'scheduled', 'expired', 'retracted'];
