import { NEAREST_LIMIT_MAX, nearestStationsQuery, type NearestStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';

// The patterns of queryNumber and queryInt (shared/src/validation.ts), on the untrimmed value.
const NUMBER = /^[-+]?\d{1,12}(\.\d{1,15})?$/;
const WHOLE = /^\d{1,6}$/;

/**
 * The query of GET /api/stations/nearest. A plain well-formed query
 * (lat, lng, maybe limit, as digits in range) is read directly; anything
 * else goes through the shared schema, which gives the same values or the
 * error codes (validate()).
 */
export function nearestQuery(query: Record<string, unknown>): NearestStationsQuery {
  const { lat, lng, limit } = query;
  let keys = 0;
  for (const _ in query) keys++;
  if (
    keys === (limit === undefined ? 2 : 3) &&
    typeof lat === 'string' &&
    typeof lng === 'string' &&
    NUMBER.test(lat) &&
    NUMBER.test(lng) &&
    (limit === undefined || (typeof limit === 'string' && WHOLE.test(limit)))
  ) {
    const value = { lat: Number(lat), lng: Number(lng), limit: limit === undefined ? undefined : Number(limit) };
    const inRange =
      value.lat >= -90 && value.lat <= 90 && value.lng >= -180 && value.lng <= 180 && (value.limit === undefined || (value.limit >= 1 && value.limit <= NEAREST_LIMIT_MAX));
    if (inRange) {
      if (value.limit === undefined) delete value.limit;
      return value;
    }
  }
  return validate(nearestStationsQuery, query);
}
