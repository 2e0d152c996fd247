import { ALL, Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { listStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { StationService } from './station.service';
import { nearestQuery } from './nearest-query';

@Controller('/api/stations')
export class StationController {
  @Inject()
  ctx!: Context;

  @Inject()
  stations!: StationService;

  /** The body comes pre-serialised (StationService.findNearestJson); no @Query: Midway wraps such handlers per request. */
  @Get('/nearest')
  async nearest() {
    const { lat, lng, limit } = nearestQuery(this.ctx.query);
    const body = await this.stations.findNearestJson({ lat, lng }, limit);
    this.ctx.type = 'json';
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
