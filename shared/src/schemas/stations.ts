import { z } from 'zod';
import { queryInt, queryNumber } from '../validation';

export const NEAREST_LIMIT_DEFAULT = 10;
export const NEAREST_LIMIT_MAX = 50;

/** GET /api/stations/nearest?lat=&lng=&limit= */
export const nearestStationsQuery = z.strictObject({
  lat: queryNumber('INVALID_COORDINATES').pipe(
    z.number().min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' }),
  ),
  lng: queryNumber('INVALID_COORDINATES').pipe(
    z.number().min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' }),
  ),
  limit: queryInt('INVALID_LIMIT', 1, NEAREST_LIMIT_MAX).optional(),
});
export type NearestStationsQuery = z.output<typeof nearestStationsQuery>;

/** GET /api/stations?limit= — the full list, when the resident shares no location. */
export const listStationsQuery = z.strictObject({
  limit: queryInt('INVALID_LIMIT', 1, 200).optional(),
});
export type ListStationsQuery = z.output<typeof listStationsQuery>;
