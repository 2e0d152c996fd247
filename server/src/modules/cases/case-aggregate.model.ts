import { Schema } from 'mongoose';
import type { TallySums } from './case-tally';
import type { AggregateKind } from './case-derived';

/**
 * Counts derived from cases, one document per place and China day, kept up
 * to date as cases change (case-aggregates.ts) and rebuilt from the cases by
 * `npm run db:rebuild`:
 * - "q|<scope>|<day>": how many open cases of a station, community or the
 *   city are due that day — the queue's day directory and "overdue now";
 * - "r|all|<day>": how many resolved cases the system closes that day;
 * - "p|all|<day>": how many final cases closed that day still hold personal data (retention);
 * - "t|<scope>|<day>": the figures' sums over the cases received that day,
 *   in total, by category and by source.
 */
export interface CaseAggregateDoc {
  _id: string;
  kind: AggregateKind;
  scope: string;
  /** 's' station, 'c' community, 'all' the city. */
  level: 's' | 'c' | 'all';
  day: string;
  /**
   * Tallies only: "<scope>|YYYY-MM", so a month of a scope's tallies is one
   * equality lookup that returns no queue counts; null on 'q' and 'r'.
   */
  month: string | null;
  count: number;
  /**
   * A tally's sums as JSON text (`DayTally` without the day): one string is
   * far cheaper for the embedded database to hand back than nested documents,
   * and nothing ever filters on what is inside.
   */
  sums: string | null;
}

/** A tally's sums for one day: in total, by category code, by source. */
export interface DayTally {
  day: string;
  totals: TallySums;
  byCategory: Record<string, TallySums>;
  bySource: Record<string, TallySums>;
}

export const CASE_AGGREGATE_MODEL = 'CaseAggregate';

export const caseAggregateSchema = new Schema<CaseAggregateDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    scope: { type: String, required: true },
    level: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, default: null },
    count: { type: Number, required: true },
    sums: { type: String, default: null },
  },
  { collection: 'case_aggregates', versionKey: false, minimize: false },
);
caseAggregateSchema.index({ kind: 1, scope: 1 });
caseAggregateSchema.index({ month: 1 });
caseAggregateSchema.index({ kind: 1, level: 1, day: 1 });

/** An aggregate some case change has touched since it was last computed. */
export interface CaseAggregateDirtyDoc {
  _id: string;
  kind: AggregateKind;
  scope: string;
  at: Date;
}

export const CASE_AGGREGATE_DIRTY_MODEL = 'CaseAggregateDirty';

export const caseAggregateDirtySchema = new Schema<CaseAggregateDirtyDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    scope: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'case_aggregates_dirty', versionKey: false },
);
caseAggregateDirtySchema.index({ scope: 1 });
caseAggregateDirtySchema.index({ kind: 1 });
