import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES, STAFF_MOVE_NAMES } from '../case-lifecycle';
import { CASE_SOURCES, MAX_CASE_PHOTOS, MAX_CASE_TEXT_CHARS, MAX_DESCRIPTION_CHARS } from '../categories';
import { objectIdString, queryInt, queryNumber } from '../validation';

const lat = z.number({ error: 'INVALID_COORDINATES' }).min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' });
const lng = z.number({ error: 'INVALID_COORDINATES' }).min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' });
const text = (max: number) => z.string().trim().min(1).max(max);
const photoIds = z.array(objectIdString('VALIDATION_FAILED')).max(MAX_CASE_PHOTOS, { error: 'TOO_MANY_PHOTOS' });

/** POST /api/cases (随手拍). Status, reporter, station and counters are never the client's to set. */
export const createCaseBody = z.strictObject({
  category: z.string().min(1).max(40),
  description: text(MAX_DESCRIPTION_CHARS),
  photos: photoIds.default([]),
  lat,
  lng,
  address: text(200),
  anonymous: z.boolean().default(false),
  /** May the description appear in the public view (Open311, nearby hints)? */
  publicDescription: z.boolean().default(false),
  /** The temporary stall zone (临时摊位区) the problem is about, if any. */
  zoneId: objectIdString('VALIDATION_FAILED').optional(),
});
export type CreateCaseBody = z.output<typeof createCaseBody>;

/** Keyset pagination: `before` is the opaque cursor of the last item seen. `scope`: my reports, or cases I follow. */
export const myCasesQuery = z.strictObject({
  scope: z.enum(['mine', 'following']).optional(),
  before: z.string().regex(/^[\w-]{1,80}$/).optional(),
  limit: queryInt('INVALID_LIMIT', 1, 50).optional(),
});

/** Metres searched around a new report for open cases of the same category (附近已有人反映). */
export const NEARBY_CASES_DEFAULT_RADIUS_M = 100;
export const NEARBY_CASES_MAX_RADIUS_M = 500;

/** GET /api/cases/nearby */
export const nearbyCasesQuery = z.strictObject({
  lat: queryNumber('INVALID_COORDINATES').pipe(z.number().min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' })),
  lng: queryNumber('INVALID_COORDINATES').pipe(z.number().min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' })),
  category: z.string().min(1).max(40),
  radiusM: queryInt('VALIDATION_FAILED', 10, NEARBY_CASES_MAX_RADIUS_M).optional(),
});

/** POST /api/cases/:id/supplements (补充说明): the reporter adds text and photos to an open case. */
export const caseSupplementBody = z.strictObject({
  text: text(MAX_CASE_TEXT_CHARS),
  photos: photoIds.default([]),
});
export type CaseSupplementBody = z.input<typeof caseSupplementBody>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)).min(1));

export const queueQuery = z.strictObject({
  status: csv(CASE_STATUSES).optional(),
  category: z.string().max(40).optional(),
  source: csv(CASE_SOURCES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  after: z.string().regex(/^[\w-]{1,80}$/).optional(),
  limit: queryInt('INVALID_LIMIT', 1, 100).optional(),
});

/** POST /api/staff/cases/:id/moves */
export const caseMoveBody = z.strictObject({
  move: z.enum(STAFF_MOVE_NAMES as [(typeof STAFF_MOVE_NAMES)[number], ...(typeof STAFF_MOVE_NAMES)[number][]]),
  reason: text(500).optional(),
  note: text(MAX_CASE_TEXT_CHARS).optional(),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  targetCaseId: objectIdString('VALIDATION_FAILED').optional(),
  targetStationId: objectIdString('VALIDATION_FAILED').optional(),
  photos: photoIds.optional(),
});
export type CaseMoveBody = z.output<typeof caseMoveBody>;

/** POST /api/staff/cases/:id/replies (public) and /notes (internal). */
export const caseReplyBody = z.strictObject({
  text: text(MAX_CASE_TEXT_CHARS),
  photos: photoIds.default([]),
});

/** POST /api/cases/:id/rating */
export const caseRatingBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(300).optional(),
});
