import { DEFAULT_FIGURE_RANGE_DAYS, figureGroupsQuery, figuresQuery, overdueCasesQuery, PUBLIC_FIGURES_MIN_SAMPLE } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const tally =
  'received, acceptedOnTime, closed, rejected, ratings, satisfied, responseRate, closureRate, satisfactionRate (0–1 or null), avgAcceptHours, avgResolveHours (or null)';

export const FIGURES_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/figures',
    summary:
      '三率 over China days from..to (inclusive, ≤ 366, default the last 30): cases received (duplicates excluded), 响应率 = accepted by the accept-by deadline / received, 办结率 = resolved or closed / received, 满意率 = ratings ≥ 4 / ratings, mean hours to accept and to resolve, overdueNow (open cases late now, any date), by category and by source',
    tag: 'figures',
    query: figuresQuery,
    response: {
      type: 'object',
      description: `FiguresResponse: scope, id, name, from, to, totals { ${tally} }, overdueNow, byCategory and bySource [{ key, label, ...totals }]`,
    },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_DATE_RANGE', 'VALIDATION_FAILED', 'STATION_NOT_FOUND', 'UNKNOWN_FIELD'],
    access: 'secretary: their community; lead: their station and the community it serves; admin: any (figures.read)',
    allow: { who: ['secretary', 'lead', 'admin'], of: ['station', 'community', 'city'] },
  },
  {
    method: 'get',
    path: '/api/figures/stations/{id}',
    summary:
      `A station's record for residents (its page) over the ${DEFAULT_FIGURE_RANGE_DAYS} China days that ended yesterday, taken once a day: ` +
      `cases received and closed, and the count of ratings, 办结率, 满意率 and mean hours to accept, each only with at least ${PUBLIC_FIGURES_MIN_SAMPLE} ratings, cases or acceptances behind it, else null`,
    tag: 'figures',
    params: { id: 'station id (24 hex characters)' },
    response: { type: 'object', description: 'PublicStationFigures: stationId, from, to, received, closed, ratings (or null), closureRate, satisfactionRate (0–1 or null), avgAcceptHours (or null)' },
    errors: ['STATION_NOT_FOUND'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/api/figures/groups',
    summary: "The city's 三率 side by side over China days from..to: by station or community (with each one's overdueNow), by category or source (same definitions as /api/figures)",
    tag: 'figures',
    query: figureGroupsQuery,
    response: { type: 'object', description: `FigureGroupsResponse: by, from, to, items [{ key, label, ${tally}, overdueNow (null by category/source) }]` },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_DATE_RANGE', 'VALIDATION_FAILED', 'UNKNOWN_FIELD'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
  {
    method: 'get',
    path: '/api/figures/groups.csv',
    summary: 'The same groups as a CSV (UTF-8 with BOM, rates as percentages)',
    tag: 'figures',
    query: figureGroupsQuery,
    response: { type: 'string', description: 'text/csv' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_DATE_RANGE', 'VALIDATION_FAILED', 'UNKNOWN_FIELD'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
  {
    method: 'get',
    path: '/api/figures/overdue',
    summary: "A station's open cases late right now, most overdue first (at most 200)",
    tag: 'figures',
    query: overdueCasesQuery,
    response: { type: 'object', description: 'OverdueCasesResponse: stationId, items [{ id, category, categoryName, status, source, address, createdAt, dueAt }]' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'STATION_NOT_FOUND'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
];
