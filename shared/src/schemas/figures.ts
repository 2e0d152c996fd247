import { z } from 'zod';

export const FIGURE_SCOPES = ['station', 'community', 'city'] as const;
export type FigureScope = (typeof FIGURE_SCOPES)[number];
/** Longest range one request may cover, in days (both ends included). */
export const MAX_FIGURE_RANGE_DAYS = 366;
/** The range when none is given: the last 30 days up to today. */
export const DEFAULT_FIGURE_RANGE_DAYS = 30;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'INVALID_DATE_RANGE' });

/**
 * GET /api/figures?scope=&id=&from=&to= — 三率 over China calendar days
 * `from`..`to` inclusive. `id` is the station id or the community name; a lead
 * or secretary may leave it out for their own.
 */
export const figuresQuery = z.strictObject({
  scope: z.enum(FIGURE_SCOPES),
  id: z.string().trim().min(1).max(40).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type FiguresQuery = z.output<typeof figuresQuery>;

export const FIGURE_GROUPINGS = ['station', 'community', 'category', 'source'] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];

/** GET /api/figures/groups?by=&from=&to= (and groups.csv) — the city's 三率 per station, community, category or source. */
export const figureGroupsQuery = z.strictObject({
  by: z.enum(FIGURE_GROUPINGS),
  from: day.optional(),
  to: day.optional(),
});
export type FigureGroupsQuery = z.output<typeof figureGroupsQuery>;

/** GET /api/figures/overdue?stationId= — a station's open cases late now. */
export const overdueCasesQuery = z.strictObject({
  stationId: z.string().regex(/^[0-9a-fA-F]{24}$/, { error: 'VALIDATION_FAILED' }),
});
