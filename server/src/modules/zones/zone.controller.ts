import { ALL, Body, Controller, Del, Get, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createZoneBody, updateZoneBody, zoneListQuery } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { validate } from '../../common/validate';
import { ZoneService } from './zone.service';

/** Temporary stall zones (临时摊位区): anyone reads them, leads and admins keep them. */
@Controller('/api/zones')
export class ZoneController {
  @Inject()
  ctx!: Context;

  @Inject()
  zones!: ZoneService;

  @Get('/')
  async list(@Query(ALL) query: unknown) {
    return this.zones.list(validate(zoneListQuery, query));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.zones.get(id);
  }

  @Post('/')
  async create(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const zone = await this.zones.create(user, validate(createZoneBody, body));
    this.ctx.status = 201;
    return zone;
  }

  @Patch('/:id')
  async update(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    return this.zones.update(user, id, validate(updateZoneBody, body));
  }

  @Del('/:id')
  async remove(@Param('id') id: string) {
    await this.zones.remove(requireUser(this.ctx), id);
    this.ctx.status = 204;
  }
}
