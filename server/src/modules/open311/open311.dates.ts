import { OPEN311_MAX_RANGE_DAYS } from '@citycare/shared';
import { AppError } from '../../common/app-error';

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = OPEN311_MAX_RANGE_DAYS * DAY_MS;

/**
 * The requested_datetime range of GET requests: at most 90 days. With neither
 * bound, the last 90 days; with one, 90 days from (or up to) it; with both,
 * refused when they span more than 90 days or run backwards.
 */
export function requestRange(start: Date | undefined, end: Date | undefined, now: Date): { start: Date; end: Date } {
  if (start && end) {
    if (end < start) throw new AppError('INVALID_DATE_RANGE', 'end_date 早于 start_date');
    if (end.getTime() - start.getTime() > MAX_RANGE_MS) {
      throw new AppError('INVALID_DATE_RANGE', `start_date 与 end_date 相隔不能超过 ${OPEN311_MAX_RANGE_DAYS} 天`);
    }
    return { start, end };
  }
  if (start) return { start, end: new Date(start.getTime() + MAX_RANGE_MS) };
  if (end) return { start: new Date(end.getTime() - MAX_RANGE_MS), end };
  return { start: new Date(now.getTime() - MAX_RANGE_MS), end: now };
}

/** W3C datetime, UTC, whole seconds: 2010-01-01T00:00:00Z. */
export function w3c(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
