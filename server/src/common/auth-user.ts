import type { Context } from '@midwayjs/koa';
import type { Role } from '@citycare/shared';
import { AppError } from './app-error';

/** Who is calling, as the auth middleware found them (ctx.state.user). */
export interface AuthUser {
  id: string;
  role: Role;
  /** The station an officer or lead works for. */
  stationId: string | null;
  /** The community a secretary (or a resident, by choice) belongs to. */
  community: string | null;
  openid: string;
}

export function currentUser(ctx: Context): AuthUser | undefined {
  return ctx.state.user as AuthUser | undefined;
}

export function requireUser(ctx: Context): AuthUser {
  const user = currentUser(ctx);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}
