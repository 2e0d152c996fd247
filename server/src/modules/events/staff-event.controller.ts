import { ALL, Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createEventBody, createSessionBody, staffEventsQuery, updateEventBody } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { optionalIdempotencyKey } from '../../common/idempotency-key';
import { EventAdminService } from './event-admin.service';
import { EventQueryService } from './event-query.service';

/** Leads and admins running events; officers list their station's. */
@Controller('/api/staff/events')
export class StaffEventController {
  @Inject()
  ctx!: Context;

  @Inject()
  admin!: EventAdminService;

  @Inject()
  query!: EventQueryService;

  @Get('/')
  async list(@Query(ALL) q: unknown) {
    return this.query.forStaff(requireUser(this.ctx), validate(staffEventsQuery, q));
  }

  @Post('/')
  async create(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const event = await this.admin.createEvent(user, validate(createEventBody, body), optionalIdempotencyKey(this.ctx));
    this.ctx.status = 201;
    return this.query.detail(event._id, 'staff');
  }

  @Patch('/:id')
  async update(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const event = await this.admin.updateEvent(user, id, validate(updateEventBody, body));
    return this.query.detail(event._id, 'staff');
  }

  @Post('/:id/cancel')
  async cancel(@Param('id') id: string) {
    const event = await this.admin.cancelEvent(requireUser(this.ctx), id);
    return this.query.detail(event._id, 'staff');
  }

  @Post('/:id/sessions')
  async addSession(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const added = await this.admin.addSession(user, id, validate(createSessionBody, body), optionalIdempotencyKey(this.ctx));
    this.ctx.status = 201;
    return this.query.sessionView(added);
  }
}
