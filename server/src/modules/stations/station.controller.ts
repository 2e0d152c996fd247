import { ALL, Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { listStationsQuery, nearestStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { StationService } from './station.service';

@Controller('/api/stations')
export class StationController {
  @Inject()
  ctx!: Context;

  @Inject()
  stations!: StationService;

  @Get('/nearest')
  async nearest(@Query(ALL) query: unknown) {
    const { lat, lng, limit } = validate(nearestStationsQuery, query);
    return this.stations.findNearest({ lat, lng }, limit);
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
