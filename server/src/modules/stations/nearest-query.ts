import { isValidLat, isValidLng, NEAREST_LIMIT_MAX, nearestStationsQuery, QUERY_INT_PATTERN, QUERY_NUMBER_PATTERN, type NearestStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';

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
    QUERY_NUMBER_PATTERN.test(lat) &&
    QUERY_NUMBER_PATTERN.test(lng) &&
    (limit === undefined || (typeof limit === 'string' && QUERY_INT_PATTERN.test(limit)))
  ) {
    const value = { lat: Number(lat), lng: Number(lng), limit: limit === undefined ? undefined : Number(limit) };
    const inRange =
      isValidLat(value.lat) && isValidLng(value.lng) && (value.limit === undefined || (value.limit >= 1 && value.limit <= NEAREST_LIMIT_MAX));
    if (inRange) {
      if (value.limit === undefined) delete value.limit;
      return value;
    }
  }
  return validate(nearestStationsQuery, query);
}
