import { z } from 'zod';
import { objectIdString, queryInt, queryNumber } from '../validation';

export const ZONE_RADIUS_MAX_M = 50_000;

const text = (max: number) => z.string().trim().min(1).max(max);
const lat = z.number({ error: 'INVALID_COORDINATES' }).min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' });
const lng = z.number({ error: 'INVALID_COORDINATES' }).min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' });

const zoneFields = {
  name: text(60),
  /** GCJ-02, what WeChat's map returns. */
  lat,
  lng,
  address: text(200),
  /** Opening hours as people say them: "每日 17:00–22:00". */
  hours: text(100),
  stallCount: z.number().int().min(0).max(10_000),
  rules: z.string().trim().max(2000),
};

/**
 * POST /api/zones — a temporary stall zone (临时摊位区). A lead's zone is their
 * station's (stationId may be omitted); an admin names the station.
 */
export const createZoneBody = z.strictObject({
  ...zoneFields,
  rules: zoneFields.rules.default(''),
  stationId: objectIdString('VALIDATION_FAILED').optional(),
});
export type CreateZoneBody = z.output<typeof createZoneBody>;

/** PATCH /api/zones/:id — any of the fields; the station does not change. */
export const updateZoneBody = z
  .strictObject({
    name: zoneFields.name.optional(),
    lat: lat.optional(),
    lng: lng.optional(),
    address: zoneFields.address.optional(),
    hours: zoneFields.hours.optional(),
    stallCount: zoneFields.stallCount.optional(),
    rules: zoneFields.rules.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' });
export type UpdateZoneBody = z.output<typeof updateZoneBody>;

const queryLat = queryNumber('INVALID_COORDINATES').pipe(lat);
const queryLng = queryNumber('INVALID_COORDINATES').pipe(lng);

/** GET /api/zones — near a point (lat, lng, radiusM), or by station, or all by name. */
export const zoneListQuery = z
  .strictObject({
    lat: queryLat.optional(),
    lng: queryLng.optional(),
    radiusM: queryInt('VALIDATION_FAILED', 1, ZONE_RADIUS_MAX_M).optional(),
    stationId: objectIdString('VALIDATION_FAILED').optional(),
    limit: queryInt('INVALID_LIMIT', 1, 200).optional(),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { error: 'INVALID_COORDINATES', path: ['lat'] })
  .refine((q) => q.radiusM === undefined || q.lat !== undefined, { error: 'INVALID_COORDINATES', path: ['lat'] });
