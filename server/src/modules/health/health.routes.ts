import type { RouteDoc } from '../openapi/route-doc';

export const HEALTH_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Readiness: 200 when the database answers a ping, 503 (within ~2 s) when it does not',
    tag: 'health',
    response: 'HealthResponse',
    errors: [],
    access: 'public',
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/api/health/live',
    summary: 'Liveness: a constant reply through the whole middleware stack',
    tag: 'health',
    response: { type: 'object', properties: { status: { const: 'ok' } } },
    errors: [],
    access: 'public',
    allow: { who: 'anyone' },
  },
];
