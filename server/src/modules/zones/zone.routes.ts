import { createZoneBody, updateZoneBody, zoneListQuery } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const zone = { type: 'object', description: 'ZoneView: id, name, lat, lng (GCJ-02), address, hours, stallCount, rules, stationId, updatedAt' };
const id = { id: 'zone id' };
const manageErrors = ['UNAUTHENTICATED', 'FORBIDDEN', 'ZONE_NOT_FOUND'] as const;

export const ZONE_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/zones',
    summary: '临时摊位区 for the map: near lat/lng within radiusM (default 5 km, sorted by distanceM), or by station, or all by name',
    tag: 'zones',
    query: zoneListQuery,
    response: { type: 'object', properties: { items: { type: 'array', items: zone } } },
    errors: ['INVALID_COORDINATES', 'INVALID_LIMIT', 'UNKNOWN_FIELD', 'VALIDATION_FAILED'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  { method: 'get', path: '/api/zones/{id}', summary: 'One stall zone', tag: 'zones', params: id, response: zone, errors: ['ZONE_NOT_FOUND'], access: 'public', allow: { who: 'anyone' } },
  {
    method: 'post',
    path: '/api/zones',
    summary: 'Add a stall zone (a lead: their station; an admin: names stationId); texts pass the content check',
    tag: 'zones',
    body: createZoneBody,
    response: zone,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'STATION_NOT_FOUND', 'ZONE_NAME_TAKEN', 'CONTENT_RISKY', 'UNKNOWN_FIELD'],
    access: 'lead (own station), admin',
    allow: { who: ['lead', 'admin'], of: ['station', 'city'] },
  },
  {
    method: 'patch',
    path: '/api/zones/{id}',
    summary: 'Change a stall zone',
    tag: 'zones',
    params: id,
    body: updateZoneBody,
    response: zone,
    errors: [...manageErrors, 'ZONE_NAME_TAKEN', 'CONTENT_RISKY', 'UNKNOWN_FIELD'],
    access: 'lead (own station), admin',
    allow: { who: ['lead', 'admin'], of: ['station', 'city'] },
  },
  { method: 'delete', path: '/api/zones/{id}', summary: 'Remove a stall zone (204); cases keep its id', tag: 'zones', params: id, response: { type: 'null' }, errors: [...manageErrors], access: 'lead (own station), admin', allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
];
