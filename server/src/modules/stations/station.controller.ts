import { ALL, Controller, Get, Inject, Param, Query, Scope, ScopeEnum } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { listStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { StationService } from './station.service';
import { nearestQuery } from './nearest-query';

/**
 * One instance for the process (a controller is otherwise built per request):
 * nothing here is per request but the ctx Midway passes to a handler.
 */
@Controller('/api/stations')
@Scope(ScopeEnum.Singleton)
export class StationController {
  @Inject()
  stations!: StationService;

  /** The body comes pre-serialised (StationService.findNearestJson); no @Query: Midway wraps such handlers per request. */
  @Get('/nearest')
  async nearest(ctx: Context) {
    const { lat, lng, limit } = nearestQuery(ctx.query);
    const body = await this.stations.findNearestJson({ lat, lng }, limit);
    ctx.type = 'json';
    return body;
  }

  @Get('/')
  async list(@Query(ALL) query: unknown) {
    const { limit } = validate(listStationsQuery, query);
    return { items: await this.stations.list(limit ?? 200) };
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.stations.getById(id);
  }
}
