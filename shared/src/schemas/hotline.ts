import { z } from 'zod';
import { COORD_SYSTEMS } from '../coords';
import { MAX_DESCRIPTION_CHARS } from '../categories';
import { objectIdString } from '../validation';

const lat = z.number({ error: 'INVALID_COORDINATES' }).min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' });
const lng = z.number({ error: 'INVALID_COORDINATES' }).min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' });

/** A 12345 work-order number (工单编号): letters, digits, `_`, `-`, `.`. */
export const hotlineId = z.string().trim().regex(/^[\w.-]{1,64}$/);

/**
 * POST /api/hotline/cases: one case handed over by the 12345 hotline.
 * `stationId`, when given, is where the case is queued (the hotline already
 * dispatched it, 派单); `lat`/`lng`, when given, are where the problem is. At
 * least one of the two is needed (there is no geocoder for the address); the
 * server checks that, with a message that says so.
 */
export const hotlineCaseBody = z.strictObject({
  hotlineId,
  /** A category code, or its Chinese name as 12345 exports it (占道经营). */
  category: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
  address: z.string().trim().min(1).max(200),
  lat: lat.optional(),
  lng: lng.optional(),
  /** The datum of lat/lng; our own API and storage are GCJ-02. */
  coordSystem: z.enum(COORD_SYSTEMS).default('gcj02'),
  callerPhone: z.string().trim().regex(/^\+?[\d -]{3,20}$/).optional(),
  stationId: objectIdString('VALIDATION_FAILED').optional(),
});
export type HotlineCaseBody = z.output<typeof hotlineCaseBody>;

/** The CSV import's columns: the body's fields, `hotlineId,category,text,address` required. */
export const HOTLINE_CSV_COLUMNS = ['hotlineId', 'category', 'text', 'address', 'lat', 'lng', 'coordSystem', 'callerPhone', 'stationId'] as const;
export const HOTLINE_CSV_REQUIRED = ['hotlineId', 'category', 'text', 'address'] as const;
export const HOTLINE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** About 30 s of work on the embedded database (32 ms a row), inside a proxy's usual 60 s. */
export const HOTLINE_IMPORT_MAX_ROWS = 1000;
