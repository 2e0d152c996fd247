import { Controller, Get, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import type { HealthResponse } from '@citycare/shared';
import { Database } from '../../common/database';
import { APP_VERSION } from '../../common/version';

@Controller('/api/health')
export class HealthController {
  @Inject()
  ctx!: Context;

  @Inject()
  database!: Database;

  /** Readiness: 200 when the database answers a ping, 503 within ~2 s when it does not. */
  @Get('/')
  async health(): Promise<HealthResponse> {
    const up = await this.database.ping();
    this.ctx.status = up ? 200 : 503;
    this.ctx.set('Cache-Control', 'no-store');
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', uptimeS: Math.round(process.uptime()), version: APP_VERSION };
  }

  /** Liveness: a constant reply through the whole middleware stack (also the benchmark baseline). */
  @Get('/live')
  async live() {
    return { status: 'ok' };
  }
}
