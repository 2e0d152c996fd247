import { ALL, Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createPatrolBody, patrolListQuery } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { validate } from '../../common/validate';
import { requireIdempotencyKey } from '../../common/idempotency-key';
import { sendPhoto } from '../media/send-photo';
import type { MediaVariant } from '../media/media-store';
import { patrolsCsv } from './patrol.csv';
import { PatrolLogService } from './patrol-log.service';
import { PatrolQueryService } from './patrol-query.service';

/** The patrol log (巡查台账): officers record patrols, leads read their station's by day. */
@Controller('/api/staff/patrols')
export class PatrolController {
  @Inject()
  ctx!: Context;

  @Inject()
  log!: PatrolLogService;

  @Inject()
  query!: PatrolQueryService;

  @Post('/')
  async record(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const key = requireIdempotencyKey(this.ctx);
    const patrol = await this.log.record(user, validate(createPatrolBody, body), key);
    this.ctx.status = 201;
    return patrol;
  }

  @Get('/')
  async day(@Query(ALL) q: unknown) {
    return this.query.day(requireUser(this.ctx), validate(patrolListQuery, q));
  }

  /** The same day as CSV (UTF-8 with BOM, so Excel shows the Chinese). */
  @Get('/export')
  async export(@Query(ALL) q: unknown) {
    const { date, items } = await this.query.day(requireUser(this.ctx), validate(patrolListQuery, q));
    this.ctx.type = 'text/csv; charset=utf-8';
    this.ctx.set('Content-Disposition', `attachment; filename="patrols-${date}.csv"`);
    return patrolsCsv(items);
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.query.detail(requireUser(this.ctx), id);
  }

  @Get('/:id/photos/:mediaId')
  async photo(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'full');
  }

  @Get('/:id/photos/:mediaId/thumb')
  async thumb(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'thumb');
  }

  private async sendPhoto(id: string, mediaId: string, variant: MediaVariant) {
    sendPhoto(this.ctx, await this.query.photo(requireUser(this.ctx), id, mediaId, variant));
  }
}
