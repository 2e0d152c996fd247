import { ERRORS } from '@citycare/shared';
import { HEALTH_ROUTES } from '../health/health.routes';
import { STATION_ROUTES } from '../stations/station.routes';
import { MEDIA_ROUTES } from '../media/media.routes';
import { AUTH_ROUTES } from '../auth/auth.routes';
import { CASE_ROUTES } from '../cases/case.routes';
import { CATEGORY_ROUTES } from '../cases/category.routes';
import { EVENT_ROUTES } from '../events/event.routes';
import { ZONE_ROUTES } from '../zones/zone.routes';
import { NOTICE_ROUTES } from '../notices/notice.routes';
import { PATROL_ROUTES } from '../patrols/patrol.routes';
import { FIGURES_ROUTES } from '../figures/figures.routes';
import { HOTLINE_ROUTES } from '../hotline/hotline.routes';
import { OPEN311_ROUTES } from '../open311/open311.routes';
import { OPENAPI_ROUTES } from './openapi.routes';
import { jsonSchemaOf, type RouteDoc } from './route-doc';
import { RESPONSE_SCHEMAS } from './schemas';
import { APP_VERSION } from '../../common/version';

/** Every documented route; a module adds its list here. */
export const ROUTES: RouteDoc[] = [...HEALTH_ROUTES, ...STATION_ROUTES, ...AUTH_ROUTES, ...CASE_ROUTES, ...CATEGORY_ROUTES, ...EVENT_ROUTES, ...MEDIA_ROUTES, ...ZONE_ROUTES, ...NOTICE_ROUTES, ...PATROL_ROUTES, ...FIGURES_ROUTES, ...HOTLINE_ROUTES, ...OPEN311_ROUTES, ...OPENAPI_ROUTES];

function queryParameters(route: RouteDoc) {
  const params: Array<Record<string, unknown>> = Object.entries(route.params ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  if (!route.query) return params;
  const schema = jsonSchemaOf(route.query) as { properties?: Record<string, unknown>; required?: string[] };
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    params.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: prop });
  }
  return params;
}

function operation(route: RouteDoc) {
  const response =
    typeof route.response === 'string' ? { $ref: `#/components/schemas/${route.response}` } : route.response;
  const responses: Record<string, unknown> = {
    200: { description: 'OK', content: { 'application/json': { schema: response } } },
  };
  // Every write counts against a rate limit (config/rate-limits.ts): 429 with Retry-After.
  const errors = route.method === 'get' ? route.errors : [...new Set([...route.errors, 'RATE_LIMITED' as const])];
  for (const code of errors) {
    const status = String(ERRORS[code].status);
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = {
      description: existing ? `${existing.description}, ${code}` : code,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    tags: [route.tag],
    summary: route.summary,
    description: `Access: ${route.access}`,
    parameters: queryParameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CityCare 城管进社区 API',
      version: APP_VERSION,
      description: 'Errors are `{ error: { code, message } }`; codes are listed in docs/errors.md.',
    },
    paths,
    components: { schemas: RESPONSE_SCHEMAS },
  };
}
