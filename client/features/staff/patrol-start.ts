import { chinaDate, chinaDayStart } from '@citycare/shared';

const HOUR_MS = 3600_000;

/**
 * When a patrol being logged now began, unless the officer says otherwise: an hour ago, but
 * never before today began in China time. A log is filed under the day it started, so one
 * saved just after midnight would otherwise land on yesterday, out of the 今日台账 it was
 * saved from.
 */
export function defaultPatrolStart(now: Date): Date {
  return startWithinDay(new Date(now.getTime() - HOUR_MS), now);
}

/**
 * A log's start as saved: never before the China day its end falls on (the page left open
 * past midnight, or the next log starting where one saved before midnight ended).
 */
export function startWithinDay(start: Date, end: Date): Date {
  const day = chinaDayStart(chinaDate(end));
  return day && start < day ? day : start;
}
