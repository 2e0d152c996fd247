import type { CaseStatus, FigureTally } from '@citycare/shared';

const HOUR_MS = 3600_000;

/** The fields of a case the figures read. */
export interface FigureCase {
  status: CaseStatus;
  createdAt: Date;
  acceptBy: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  /** The reporter's stars, once rated. */
  rating?: number | null;
}

/** Counts that add up across cases, days and places; `finish` turns them into 三率 and mean hours. */
export interface TallySums {
  received: number;
  acceptedOnTime: number;
  closed: number;
  rejected: number;
  ratings: number;
  satisfied: number;
  accepted: number;
  acceptMs: number;
  resolved: number;
  resolveMs: number;
}

const ZERO: TallySums = { received: 0, acceptedOnTime: 0, closed: 0, rejected: 0, ratings: 0, satisfied: 0, accepted: 0, acceptMs: 0, resolved: 0, resolveMs: 0 };

/** A rating of 4 or 5 stars counts as satisfied (满意率). */
export const SATISFIED_MIN_SCORE = 4;

/** Running sums for one set of cases (definitions: server/src/modules/figures/README.md). */
export class Tally {
  readonly sums: TallySums;

  constructor(sums: Partial<TallySums> = {}) {
    this.sums = { ...ZERO, ...sums };
  }

  addCase(c: FigureCase): void {
    const s = this.sums;
    s.received += 1;
    if (c.acceptedAt) {
      s.accepted += 1;
      s.acceptMs += c.acceptedAt.getTime() - c.createdAt.getTime();
      if (c.acceptedAt <= c.acceptBy) s.acceptedOnTime += 1;
    }
    if (c.resolvedAt) {
      s.resolved += 1;
      s.resolveMs += c.resolvedAt.getTime() - c.createdAt.getTime();
    }
    if (c.status === 'resolved' || c.status === 'closed') s.closed += 1;
    if (c.status === 'rejected') s.rejected += 1;
    if (c.rating !== null && c.rating !== undefined) this.addRating(c.rating);
  }

  addRating(score: number): void {
    this.sums.ratings += 1;
    if (score >= SATISFIED_MIN_SCORE) this.sums.satisfied += 1;
  }

  add(other: Partial<TallySums>): void {
    for (const key of Object.keys(ZERO) as Array<keyof TallySums>) this.sums[key] += other[key] ?? 0;
  }

  finish(): FigureTally {
    const s = this.sums;
    return {
      received: s.received,
      acceptedOnTime: s.acceptedOnTime,
      closed: s.closed,
      rejected: s.rejected,
      ratings: s.ratings,
      satisfied: s.satisfied,
      responseRate: rate(s.acceptedOnTime, s.received),
      closureRate: rate(s.closed, s.received),
      satisfactionRate: rate(s.satisfied, s.ratings),
      avgAcceptHours: hours(s.acceptMs, s.accepted),
      avgResolveHours: hours(s.resolveMs, s.resolved),
    };
  }
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const hours = (ms: number, count: number): number | null => (count === 0 ? null : Math.round((ms / count / HOUR_MS) * 100) / 100);
