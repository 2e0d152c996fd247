import type { FigureScope } from '../schemas/figures';

/**
 * Counts and rates for a set of cases: those received (created, duplicates
 * excluded) in the range. Rates are fractions 0–1 (4 decimals), null when
 * nothing was received / rated.
 */
export interface FigureTally {
  received: number;
  /** Accepted no later than the accept-by deadline (受理时限). */
  acceptedOnTime: number;
  /** Resolved 已办结 or closed 已结案 now. */
  closed: number;
  /** 不予受理: in `received`, not in `closed`. */
  rejected: number;
  ratings: number;
  /** Ratings of 4 or 5 stars. */
  satisfied: number;
  /** 响应率 = acceptedOnTime / received */
  responseRate: number | null;
  /** 办结率 = closed / received */
  closureRate: number | null;
  /** 满意率 = satisfied / ratings */
  satisfactionRate: number | null;
  /** Mean hours from report to acceptance, over accepted cases (2 decimals). */
  avgAcceptHours: number | null;
  /** Mean hours from report to resolution, over resolved cases (2 decimals). */
  avgResolveHours: number | null;
}

export interface FigureGroup extends FigureTally {
  key: string;
  label: string;
}

export interface FiguresResponse {
  scope: FigureScope;
  /** Station id or community name; null for the city. */
  id: string | null;
  name: string;
  from: string;
  to: string;
  totals: FigureTally;
  /** Open cases of the scope overdue right now (any report date). */
  overdueNow: number;
  byCategory: FigureGroup[];
  bySource: FigureGroup[];
}

export interface FigureGroupRow extends FigureGroup {
  /** Open cases late now (stations and communities; null for categories and sources). */
  overdueNow: number | null;
}

export interface FigureGroupsResponse {
  by: 'station' | 'community' | 'category' | 'source';
  from: string;
  to: string;
  items: FigureGroupRow[];
}

/** One open case past its deadline, as the bureau's overdue list shows it. */
export interface OverdueCase {
  id: string;
  category: string;
  categoryName: string;
  status: string;
  source: string;
  address: string;
  createdAt: string;
  dueAt: string;
}

export interface OverdueCasesResponse {
  stationId: string;
  items: OverdueCase[];
}

// Here, not beside the schemas: the mini-program reads it, and must not pull zod in with it.
/**
 * A station's figures shown to residents give a rate only when at least this many cases (or
 * ratings, for 满意率) stand behind it: one or two cases make a rate that says nothing, and
 * a single rating could be told apart.
 */
export const PUBLIC_FIGURES_MIN_SAMPLE = 5;

/**
 * A station's record as residents see it (GET /api/figures/stations/:id): the DEFAULT_FIGURE_RANGE_DAYS
 * China days that ended yesterday, taken once a day; counts always, each rate (and the count
 * of ratings) only with PUBLIC_FIGURES_MIN_SAMPLE cases, ratings or acceptances behind it.
 */
export interface PublicStationFigures {
  stationId: string;
  from: string;
  to: string;
  received: number;
  closed: number;
  ratings: number | null;
  /** 办结率, 0–1 */
  closureRate: number | null;
  /** 满意率, 0–1 */
  satisfactionRate: number | null;
  /** Mean hours from report to acceptance. */
  avgAcceptHours: number | null;
}
