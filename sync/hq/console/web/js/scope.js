// The communities a signed-in user may pick: their scope, or for scope "*" the communities the
// fleet list knows (the API has no list of communities of its own).
import { api } from './api.js';

let fleetCache = null;

export async function fleetItems() {
  if (fleetCache) return fleetCache;
  try {
    const body = await api('GET', '/fleet');
    fleetCache = (body && body.items) || [];
  } catch {
    fleetCache = [];
  }
  setTimeout(() => { fleetCache = null; }, 30000);
  return fleetCache;
}

export async function communityOptions(user) {
  if (!user.communities.includes('*')) return user.communities.slice();
  if (user.role === 'technician') return [];
  const ids = new Set((await fleetItems()).map((x) => x.community_id).filter(Boolean));
  return [...ids].sort();
}

export async function buildingOptions() {
  const seen = new Map();
  for (const x of await fleetItems()) if (x.building_id) seen.set(x.community_id + '/' + x.building_id, x);
  return [...seen.values()].map((x) => ({ community: x.community_id, building: x.building_id }));
}
