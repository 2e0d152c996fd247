import { z } from 'zod';
import type { ErrorCode } from '@citycare/shared';

/** What a module says about one of its routes, for the OpenAPI document. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Path parameters and their meaning. */
  params?: Record<string, string>;
  /** Name of a response schema in components.schemas, or an inline JSON schema. */
  response: string | Record<string, unknown>;
  errors: ErrorCode[];
  /** Who may call it; 'public' for anyone. */
  access: string;
  /** The pattern the controller registers when it differs from `path` (one handler serving several documented paths). */
  servedBy?: string;
}

/** A photo route and its thumbnail twin (`…/thumb`, the 480 px variant), documented alike. */
export function withThumbnail(route: RouteDoc): RouteDoc[] {
  return [route, { ...route, path: `${route.path}/thumb`, summary: `${route.summary} — the 480 px thumbnail` }];
}

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
