import {
  addChinaDays,
  chinaDate,
  chinaDayStart,
  DAY_MS,
  DEFAULT_FIGURE_RANGE_DAYS,
  MAX_FIGURE_RANGE_DAYS,
  type CaseStatus,
  type FigureTally,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';

const HOUR_MS = 3600_000;

/** The fields of a case the figures read. */
export interface FigureCase {
  status: CaseStatus;
  createdAt: Date;
  acceptBy: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
}

/** Running sums for one set of cases; `finish` divides them (三率 and mean durations). */
export class Tally {
  received = 0;
  acceptedOnTime = 0;
  closed = 0;
  rejected = 0;
  ratings = 0;
  satisfied = 0;
  private accepted = 0;
  private acceptMs = 0;
  private resolved = 0;
  private resolveMs = 0;

  addCase(c: FigureCase): void {
    this.received += 1;
    if (c.acceptedAt) {
      this.accepted += 1;
      this.acceptMs += c.acceptedAt.getTime() - c.createdAt.getTime();
      if (c.acceptedAt <= c.acceptBy) this.acceptedOnTime += 1;
    }
    if (c.resolvedAt) {
      this.resolved += 1;
      this.resolveMs += c.resolvedAt.getTime() - c.createdAt.getTime();
    }
    if (c.status === 'resolved' || c.status === 'closed') this.closed += 1;
    if (c.status === 'rejected') this.rejected += 1;
  }

  addRating(score: number): void {
    this.ratings += 1;
    if (score >= 4) this.satisfied += 1;
  }

  finish(): FigureTally {
    return {
      received: this.received,
      acceptedOnTime: this.acceptedOnTime,
      closed: this.closed,
      rejected: this.rejected,
      ratings: this.ratings,
      satisfied: this.satisfied,
      responseRate: rate(this.acceptedOnTime, this.received),
      closureRate: rate(this.closed, this.received),
      satisfactionRate: rate(this.satisfied, this.ratings),
      avgAcceptHours: hours(this.acceptMs, this.accepted),
      avgResolveHours: hours(this.resolveMs, this.resolved),
    };
  }
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const hours = (ms: number, count: number): number | null => (count === 0 ? null : Math.round((ms / count / HOUR_MS) * 100) / 100);

/**
 * The China calendar days `from`..`to` (inclusive) as instants [start, end).
 * Default: the last 30 days up to today. More than 366 days, `from` after
 * `to`, or an impossible date → INVALID_DATE_RANGE.
 */
export function figureRange(from: string | undefined, to: string | undefined, now = new Date()) {
  const toDay = to ?? chinaDate(now);
  const toStart = chinaDayStart(toDay);
  if (!toStart) throw new AppError('INVALID_DATE_RANGE', '日期格式应为 YYYY-MM-DD');
  const fromDay = from ?? addChinaDays(toDay, 1 - DEFAULT_FIGURE_RANGE_DAYS);
  const start = chinaDayStart(fromDay);
  if (!start) throw new AppError('INVALID_DATE_RANGE', '日期格式应为 YYYY-MM-DD');
  const end = new Date(toStart.getTime() + DAY_MS);
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  if (days < 1) throw new AppError('INVALID_DATE_RANGE', '开始日期不能晚于结束日期');
  if (days > MAX_FIGURE_RANGE_DAYS) throw new AppError('INVALID_DATE_RANGE', `日期范围不能超过 ${MAX_FIGURE_RANGE_DAYS} 天`);
  return { from: fromDay, to: toDay, start, end };
}
