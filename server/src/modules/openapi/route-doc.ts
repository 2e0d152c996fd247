import { z } from 'zod';
import type { ErrorCode, Role } from '@citycare/shared';

/** What a route's one thing (its path id, or the station or community it names) can be to the caller. */
export type AccessRelation = 'owner' | 'station' | 'community' | 'city';

/**
 * Who may call a route, as data: the permission matrix test
 * (tests/matrix/permission-matrix.api.test.ts) calls every route as every kind
 * of caller and holds each answer to this rule.
 * - 'anyone': no token needed.
 * - 'signed-in': any user; what they reach is their own (or open to every user).
 * - 'api-key': the 12345 integration's key (HOTLINE_API_KEYS), never a user.
 * - 'demo': only with DEV_LOGIN=1 (never in production).
 * - roles: users of these roles.
 * With `of`, only for a thing that is the caller's own (owner: they reported,
 * booked, uploaded or recorded it), of their station, of their community, or
 * any (city: admins).
 */
export type AccessRule =
  | { who: 'anyone' | 'api-key' | 'demo' }
  | { who: 'signed-in' | readonly Role[]; of?: readonly AccessRelation[] };

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
  /** Who may call it, in words for the OpenAPI document; 'public' for anyone. */
  access: string;
  /** Who may call it, as the rule the permission matrix checks. */
  allow: AccessRule;
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
