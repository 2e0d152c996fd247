import { listStationsQuery, nearestStationsQuery } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

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
];
