import { chinaDate, chinaDayStart } from '@citycare/shared';

const HOUR_MS = 3600_000;

/**
 * When a patrol being logged now began, unless the officer says otherwise: an hour ago, but
 * never before today began in China time. A log is filed under the day it started, so one
 * saved just after midnight would otherwise land on yesterday, out of the 今日台账 it was
 * saved from.
 */
export function defaultPatrolStart(now: Date): Date {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const today = chinaDayStart(chinaDate(now));
  return today && hourAgo < today ? today : hourAgo;
}
