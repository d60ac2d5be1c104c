// The communities (and their buildings) a signed-in user may pick, from
// GET /console/api/communities; the fleet list for the terminals a notice may target.
import { api } from './api.js';

let communitiesCache = null;
let fleetCache = null;

function expireSoon(clear) { setTimeout(clear, 30000); }

export async function communities() {
  if (communitiesCache) return communitiesCache;
  try {
    const body = await api('GET', '/communities');
    communitiesCache = (body && body.items) || [];
  } catch {
    communitiesCache = [];
  }
  expireSoon(() => { communitiesCache = null; });
  return communitiesCache;
}

export async function fleetItems() {
  if (fleetCache) return fleetCache;
  try {
    const body = await api('GET', '/fleet');
    fleetCache = (body && body.items) || [];
  } catch {
    fleetCache = [];
  }
  expireSoon(() => { fleetCache = null; });
  return fleetCache;
}

// The names of the communities and buildings in scope, by id (staff read 3号楼, not b3).
export async function placeNames() {
  const community = new Map(), building = new Map();
  for (const c of await communities()) {
    if (c.name) community.set(c.id, c.name);
    for (const b of c.buildings || []) if (b.name) building.set(b.id, b.name);
  }
  return { community, building };
}

// [[id, label]] of the communities in scope.
export async function communityOptions(user) {
  const list = await communities();
  if (list.length) return list.map((c) => [c.id, c.name ? `${c.name} (${c.id})` : c.id]);
  return user.communities.includes('*') ? [] : user.communities.map((c) => [c, c]);
}

// [{community, communityName, building, name}] of every building in scope.
export async function buildingOptions() {
  const out = [];
  for (const c of await communities())
    for (const b of c.buildings || []) out.push({ community: c.id, communityName: c.name || c.id, building: b.id, name: b.name || b.id });
  return out;
}
