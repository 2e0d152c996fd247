// Open311 GeoReport v2 input (http://wiki.open311.org/GeoReport_v2). Field
// names are the specification's. "Optional" there means an empty value is the
// same as none, so the server drops empty parameters before these schemas.
import { z } from 'zod';
import { queryInt } from '../validation';
import { MAX_DESCRIPTION_CHARS } from '../categories';
import { queryNumber } from '../validation';

/** Open311 keeps requested_datetime ranges within 90 days. */
export const OPEN311_MAX_RANGE_DAYS = 90;
/** "Default query limit is a span of 90 days or first 1000 requests returned". */
/** Requests per page: the default, and the most a client may ask for (page_size). */
export const OPEN311_PAGE_SIZE = 50;
export const OPEN311_MAX_REQUESTS = 1000;

const short = z.string().max(200);

/** A W3C datetime with a zone: 2010-01-01T00:00:00Z or …+08:00 (a `+` sent unencoded arrives as a space). */
const w3cDate = z
  .string({ error: 'INVALID_DATE_RANGE' })
  .trim()
  .transform((s) => s.replace(/ (\d{2}:\d{2})$/, '+$1'))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, { error: 'INVALID_DATE_RANGE' }))
  .transform((s) => new Date(s))
  .pipe(z.date({ error: 'INVALID_DATE_RANGE' }).refine((d) => !Number.isNaN(d.getTime()), { error: 'INVALID_DATE_RANGE' }));

/** `a,b,c`, or the parameter repeated; at most `max` values. */
function commaList<T extends z.ZodType<unknown, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v.join(',') : v).split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));
}

const latitude = queryNumber('INVALID_COORDINATES').pipe(
  z.number().min(-90, { error: 'INVALID_COORDINATES' }).max(90, { error: 'INVALID_COORDINATES' }),
);
const longitude = queryNumber('INVALID_COORDINATES').pipe(
  z.number().min(-180, { error: 'INVALID_COORDINATES' }).max(180, { error: 'INVALID_COORDINATES' }),
);

/** GET requests.{format} */
export const open311RequestsQuery = z.strictObject({
  jurisdiction_id: short.optional(),
  /** Some clients send their key on every call; reading needs none. */
  api_key: short.optional(),
  service_request_id: commaList(z.string().max(64), 200).optional(),
  service_code: commaList(z.string().max(40), 50).optional(),
  status: commaList(z.enum(['open', 'closed']), 2).optional(),
  start_date: w3cDate.optional(),
  end_date: w3cDate.optional(),
  /** Pagination as large city deployments offer it: 1-based page, page_size 1–1000 (default 50). */
  page: queryInt('VALIDATION_FAILED', 1, 100_000).optional(),
  page_size: queryInt('VALIDATION_FAILED', 1, OPEN311_MAX_REQUESTS).optional(),
});
export type Open311RequestsQuery = z.output<typeof open311RequestsQuery>;

/** GET discovery / services / services/{code} / requests/{id}: only the jurisdiction (and a stray key). */
export const open311PlainQuery = z.strictObject({ jurisdiction_id: short.optional(), api_key: short.optional() });

/**
 * POST requests.{format}, application/x-www-form-urlencoded. `attribute[…]`
 * fields are dropped before this schema (no service has attributes). The
 * submitter's contact fields are accepted as the specification lists them and
 * then discarded: this endpoint stores no personal data.
 */
export const open311PostForm = z.strictObject({
  api_key: short.optional(),
  jurisdiction_id: short.optional(),
  service_code: z.string().trim().min(1).max(40),
  lat: latitude.optional(),
  long: longitude.optional(),
  address_string: z.string().trim().max(200).optional(),
  address_id: short.optional(),
  email: short.optional(),
  device_id: short.optional(),
  account_id: short.optional(),
  first_name: short.optional(),
  last_name: short.optional(),
  phone: short.optional(),
  description: z.string().trim().max(MAX_DESCRIPTION_CHARS).optional(),
  media_url: z.string().max(2000).optional(),
});
export type Open311PostForm = z.output<typeof open311PostForm>;
