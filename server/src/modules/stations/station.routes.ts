import { createStationBody, listStationsQuery, nearestStationsQuery, stationOfficersBody, updateStationBody } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const adminStation = { type: 'object', description: 'AdminStation: StationSummary + kind, city, active, officers [{ name, role, duties, photoId, photoUrl }]' };
const manage = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'] as const;
const admin = { who: ['admin'] } as const;
const id = { id: 'station id (24 hex characters)' };

export const STATION_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/stations/nearest',
    summary: 'Nearest stations to a GCJ-02 point, sorted by distance (distanceM in metres); limit 1–50, default 10',
    tag: 'stations',
    query: nearestStationsQuery,
    response: 'NearestStationsResponse',
    errors: ['INVALID_COORDINATES', 'INVALID_LIMIT', 'UNKNOWN_FIELD'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/api/stations',
    summary: 'Every station by name (for residents who share no location)',
    tag: 'stations',
    query: listStationsQuery,
    response: 'StationListResponse',
    errors: ['INVALID_LIMIT', 'UNKNOWN_FIELD'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/api/stations/{id}',
    summary: 'One station with its officers on duty (上墙挂牌)',
    tag: 'stations',
    params: { id: 'station id (24 hex characters)' },
    response: 'StationDetail',
    errors: ['STATION_NOT_FOUND'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/api/communities',
    summary: 'The communities residents may choose (each served by a station), by name',
    tag: 'stations',
    response: { type: 'object', description: 'CommunityList: items [{ name, stationId, stationName }]' },
    errors: [],
    access: 'public',
    allow: { who: 'anyone' },
  },
  { method: 'get', path: '/api/admin/stations', summary: 'Every station, deactivated ones too, with its wall of officers on duty', tag: 'admin', response: { type: 'object', description: 'AdminStationList: items [AdminStation]' }, errors: [...manage], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/stations', summary: 'Add a station (name unique in the city; GCJ-02 coordinates)', tag: 'admin', body: createStationBody, response: adminStation, errors: [...manage, 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'INVALID_COORDINATES', 'STATION_NAME_TAKEN'], access: 'admin', allow: admin },
  { method: 'put', path: '/api/admin/stations/{id}', summary: 'Edit a station: name, kind, community, address, position, phone, opening hours', tag: 'admin', params: id, body: updateStationBody, response: adminStation, errors: [...manage, 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'INVALID_COORDINATES', 'STATION_NOT_FOUND', 'STATION_NAME_TAKEN'], access: 'admin', allow: admin },
  { method: 'put', path: '/api/admin/stations/{id}/officers', summary: '上墙挂牌: the whole wall of officers on duty, in order (photos: own uploads, or those already on the wall)', tag: 'admin', params: id, body: stationOfficersBody, response: adminStation, errors: [...manage, 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'STATION_NOT_FOUND', 'MEDIA_NOT_FOUND'], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/stations/{id}/deactivate', summary: 'Deactivate: gone from the nearest search, the list and routing; its cases stay readable and its open cases stay in its queue', tag: 'admin', params: id, response: adminStation, errors: [...manage, 'STATION_NOT_FOUND'], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/stations/{id}/reactivate', summary: 'Bring a deactivated station back', tag: 'admin', params: id, response: adminStation, errors: [...manage, 'STATION_NOT_FOUND'], access: 'admin', allow: admin },
];
