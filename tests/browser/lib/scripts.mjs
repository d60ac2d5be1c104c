// Terminal scripts the browser tests run (docs/automation.md): a repair filed by a resident,
// and a look at its Track screen.
import { keypad } from './harness.mjs';

export const PHONE_NUMBER = '13800001234';

// An urgent (or normal) repair at home in building `building` (an id of the terminal's own
// directory, assets/demo/community.json: b1, b2, b3, b5, b6), with `description` typed.
export function fileRepair({ building, description, urgency = 'urgent', unit = '2-1203' }) {
  return 'expect home\n' +
    'tap home.tile.repair\ntap repair.category.water_electric\ntap repair.where.home\n' +
    `tap repair.building.${building}\n` + keypad(unit) + 'tap repair.next\n' +
    `tap repair.urgency.${urgency}\nshot description\ntype ${description}\nshot description-typed\ntap repair.next\n` +
    keypad(PHONE_NUMBER) + 'tap repair.next\ntap repair.slot.afternoon\nshot confirm\ntap repair.confirm\nshot receipt\n' +
    'await receipt.delivered\nshot receipt-delivered\ntap repair.done\n';
}

// The Track screen for the receipt `code` (from the terminal's store: see syncUntil).
export function track(code, name, { then = '' } = {}) {
  return 'expect home\n' +
    'tap home.tile.track\n' + keypad(code) + 'tap track.next\n' + keypad(PHONE_NUMBER.slice(-4)) + 'tap track.next\n' +
    `shot ${name}\n` + then;
}
