import { ALL, Body, Controller, Get, Inject, Param, Post, Put } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createStationBody, stationOfficersBody, updateStationBody, type AdminStationList } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { validate } from '../../common/validate';
import { StationAdminService } from './station-admin.service';

/** The bureau's stations (station.manage): add, edit, deactivate, and the wall of officers on duty. */
@Controller('/api/admin/stations')
export class AdminStationController {
  @Inject()
  ctx!: Context;

  @Inject()
  stations!: StationAdminService;

  @Get('/')
  async list(): Promise<AdminStationList> {
    return { items: await this.stations.list(requireUser(this.ctx)) };
  }

  @Post('/')
  async create(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const created = await this.stations.create(user, validate(createStationBody, body));
    this.ctx.status = 201;
    return created;
  }

  @Put('/:id')
  async update(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    return this.stations.update(user, id, validate(updateStationBody, body));
  }

  @Put('/:id/officers')
  async officers(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    return this.stations.setOfficers(user, id, validate(stationOfficersBody, body));
  }

  @Post('/:id/deactivate')
  async deactivate(@Param('id') id: string) {
    return this.stations.setActive(requireUser(this.ctx), id, false);
  }

  @Post('/:id/reactivate')
  async reactivate(@Param('id') id: string) {
    return this.stations.setActive(requireUser(this.ctx), id, true);
  }
}
