import { MidwayWebRouterService } from '@midwayjs/core';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { ROUTES } from './openapi-document';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(__filename);
}, 60_000);

afterAll(() => api.close());

/** "/api/cases/:id" and "/api/cases/{id}" name the same route. */
const normalise = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '') || '/'}`;

// Served outside the route tables on purpose: the document itself.
const UNDOCUMENTED = new Set(['GET /api/openapi.json']);

describe('the route tables are the routes', () => {
  it('when Midway has registered every controller, then its routes equal the *.routes.ts tables', async () => {
    const router = await api.app.getApplicationContext().getAsync(MidwayWebRouterService);
    const registered = (await router.getFlattenRouterTable())
      .map((r) => normalise(r.requestMethod, String(r.fullUrl ?? r.url)))
      .filter((r) => !UNDOCUMENTED.has(r));
    const documented = new Set(ROUTES.map((r) => normalise(r.method, r.servedBy ?? r.path)));
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...documented].sort());
  });
});
