import type { RouteDoc } from './route-doc';

export const OPENAPI_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tag: 'openapi',
    response: { type: 'object' },
    errors: [],
    access: 'public',
    allow: { who: 'anyone' },
  },
];
