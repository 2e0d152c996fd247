import { ALL, Body, Controller, Get, Inject, Param, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { checkinBody, updateSessionBody } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { attendanceCsv } from './attendance-csv';
import { CheckinService } from './checkin.service';
import { EventAdminService } from './event-admin.service';
import { EventQueryService } from './event-query.service';

/** Sessions for staff: edit, call off, attendance (JSON and CSV), and check-in at the door. */
@Controller('/api/staff')
export class StaffSessionController {
  @Inject()
  ctx!: Context;

  @Inject()
  admin!: EventAdminService;

  @Inject()
  query!: EventQueryService;

  @Inject()
  checkins!: CheckinService;

  @Patch('/event-sessions/:id')
  async update(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    return this.query.sessionView(await this.admin.updateSession(user, id, validate(updateSessionBody, body)));
  }

  @Post('/event-sessions/:id/cancel')
  async cancel(@Param('id') id: string) {
    return this.query.sessionView(await this.admin.cancelSession(requireUser(this.ctx), id));
  }

  @Get('/event-sessions/:id/attendance')
  async attendance(@Param('id') id: string) {
    return this.checkins.attendance(requireUser(this.ctx), id);
  }

  @Get('/event-sessions/:id/attendance.csv')
  async attendanceCsv(@Param('id') id: string) {
    const list = await this.checkins.attendance(requireUser(this.ctx), id);
    this.ctx.set('Content-Type', 'text/csv; charset=utf-8');
    this.ctx.set('Content-Disposition', `attachment; filename="attendance-${list.session.id}.csv"`);
    this.ctx.set('Cache-Control', 'no-store');
    return attendanceCsv(list);
  }

  @Post('/checkins')
  async checkIn(@Body(ALL) body: unknown) {
    const { code, sessionId } = validate(checkinBody, body);
    const result = await this.checkins.checkIn(requireUser(this.ctx), code, sessionId);
    this.ctx.status = 201;
    return result;
  }
}
