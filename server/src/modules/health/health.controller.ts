import { Controller, Get, Inject, Scope, ScopeEnum } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import type { HealthResponse } from '@citycare/shared';
import { Database } from '../../common/database';
import { APP_VERSION } from '../../common/version';

/** One instance for the process, as the stations controller: a handler gets the request's ctx from Midway. */
@Controller('/api/health')
@Scope(ScopeEnum.Singleton)
export class HealthController {
  @Inject()
  database!: Database;

  /** Readiness: 200 when the database answers a ping, 503 within ~2 s when it does not. */
  @Get('/')
  async health(ctx: Context): Promise<HealthResponse> {
    const up = await this.database.ping();
    ctx.status = up ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', uptimeS: Math.round(process.uptime()), version: APP_VERSION };
  }

  /** Liveness: a constant reply through the whole middleware stack (also the benchmark baseline). */
  @Get('/live')
  async live() {
    return { status: 'ok' };
  }
}
