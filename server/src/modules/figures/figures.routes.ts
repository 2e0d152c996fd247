import { figuresQuery } from '@citycare/shared';
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
];
