import { z } from 'zod';
import { objectIdString, queryInt } from '../validation';
import { STATION_KINDS } from '../stations';

// Bodies and queries of the bureau admin's routes (城管局): stations and their
// wall of officers on duty, categories and their deadlines, finding people.

const text = (max: number) => z.string().trim().min(1).max(max);
const lat = z.number({ error: 'INVALID_COORDINATES' }).min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' });
const lng = z.number({ error: 'INVALID_COORDINATES' }).min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' });

const stationFields = {
  name: text(100),
  kind: z.enum(STATION_KINDS),
  community: text(40),
  address: text(200),
  /** GCJ-02, as WeChat's map and most Chinese map sites give them. */
  lat,
  lng,
  phone: z.string().trim().regex(/^[0-9+\-\s()]{5,20}$/),
  /** As people say them: "周一至周日 8:30-17:30". */
  openingHours: text(100),
};

/** POST /api/admin/stations — a new station (active at once). */
export const createStationBody = z.strictObject({ ...stationFields, kind: stationFields.kind.default('community') });
export type CreateStationBody = z.output<typeof createStationBody>;

/** PUT /api/admin/stations/:id — any of the fields. */
export const updateStationBody = z
  .strictObject({
    name: stationFields.name.optional(),
    kind: stationFields.kind.optional(),
    community: stationFields.community.optional(),
    address: stationFields.address.optional(),
    lat: lat.optional(),
    lng: lng.optional(),
    phone: stationFields.phone.optional(),
    openingHours: stationFields.openingHours.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' })
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { error: 'INVALID_COORDINATES', path: ['lat'] });
export type UpdateStationBody = z.output<typeof updateStationBody>;

export const MAX_OFFICERS_ON_WALL = 20;

/** PUT /api/admin/stations/:id/officers — the whole wall (上墙挂牌), in order. */
export const stationOfficersBody = z.strictObject({
  officers: z
    .array(
      z.strictObject({
        name: text(20),
        role: text(20),
        duties: z.array(text(60)).max(10).default([]),
        /** An upload of the admin's own (POST /api/media), or the photo already on the wall. */
        photoId: objectIdString('VALIDATION_FAILED').nullable().default(null),
      }),
    )
    .max(MAX_OFFICERS_ON_WALL),
});
export type StationOfficersBody = z.output<typeof stationOfficersBody>;

const hours = z.number().int().min(1).max(24 * 90);

const categoryFields = {
  name: text(20),
  /** 受理时限, hours from the report. */
  acceptHours: hours,
  /** 办结时限, hours from the report. */
  resolveHours: hours,
  /** Which kinds of station handle it; empty: every kind. */
  stationKinds: z.array(z.enum(STATION_KINDS)).max(STATION_KINDS.length).default([]),
};

/** POST /api/admin/categories — code: lower-case letters, digits, `_` (Open311's service_code). */
export const createCategoryBody = z
  .strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), ...categoryFields })
  .refine((b) => b.resolveHours >= b.acceptHours, { error: 'VALIDATION_FAILED', path: ['resolveHours'] });
export type CreateCategoryBody = z.output<typeof createCategoryBody>;

/** PUT /api/admin/categories/:id — rename, new deadlines (for new reports), station kinds. */
export const updateCategoryBody = z
  .strictObject({
    name: categoryFields.name.optional(),
    acceptHours: hours.optional(),
    resolveHours: hours.optional(),
    stationKinds: z.array(z.enum(STATION_KINDS)).max(STATION_KINDS.length).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' });
export type UpdateCategoryBody = z.output<typeof updateCategoryBody>;

/**
 * GET /api/admin/users/search?q= — the last 4 digits or the whole of a phone
 * number, or a name exactly; or ?stationId= for a station's staff.
 */
export const userSearchQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(40).optional(),
    stationId: objectIdString('VALIDATION_FAILED').optional(),
    limit: queryInt('INVALID_LIMIT', 1, 50).optional(),
  })
  .refine((b) => (b.q === undefined) !== (b.stationId === undefined), { error: 'VALIDATION_FAILED', path: ['q'] });
export type UserSearchQuery = z.output<typeof userSearchQuery>;
