import { ALL, Body, Controller, Get, Inject, Param, Put, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { z } from 'zod';
import { appointedTo, maskPhone, setRoleBody, userSearchQuery, type AdminUserList, type AdminUserView } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { AppError } from '../../common/app-error';
import { toObjectId } from '../../common/object-id';
import { StationService } from '../stations/station.service';
import { UserService } from './user.service';
import type { UserDoc } from './user.model';

const findQuery = z.strictObject({ openid: z.string().min(1).max(64) });

/** Admins appoint officers, leads and secretaries (docs/design.md, "Users"). */
@Controller('/api/admin/users')
export class AdminUserController {
  @Inject()
  ctx!: Context;

  @Inject()
  users!: UserService;

  @Inject()
  stations!: StationService;

  @Get('/')
  async find(@Query(ALL) q: unknown) {
    authorize(requireUser(this.ctx), 'user.manage');
    const { openid } = validate(findQuery, q);
    const user = await this.users.users.findOne({ openid }).lean<UserDoc>();
    if (!user) throw new AppError('USER_NOT_FOUND');
    return toAdminView(user);
  }

  /** By the phone's last 4 digits, a whole phone number or a name; or a station's staff. */
  @Get('/search')
  async search(@Query(ALL) q: unknown): Promise<AdminUserList> {
    authorize(requireUser(this.ctx), 'user.manage');
    const query = validate(userSearchQuery, q);
    const limit = query.limit ?? 20;
    const found = query.stationId ? await this.users.ofStation(toObjectId(query.stationId)!, limit) : await this.users.search(query.q!, limit);
    return { items: found.map(toAdminView) };
  }

  @Put('/:id/role')
  async setRole(@Param('id') id: string, @Body(ALL) body: unknown) {
    authorize(requireUser(this.ctx), 'user.manage');
    const input = validate(setRoleBody, body);
    const to = appointedTo(input.role);
    const station = to === 'station' ? await this.stations.getById(input.stationId!) : null;
    const user = await this.users.setRole(id, {
      role: input.role,
      stationId: station ? station.id : null,
      community: to === 'community' ? input.community! : station ? station.community : null,
    });
    return toAdminView(user);
  }
}

function toAdminView(user: UserDoc): AdminUserView {
  return {
    id: user._id.toHexString(),
    role: user.role,
    name: user.name,
    phone: user.phone ? maskPhone(user.phone) : null,
    stationId: user.stationId ? user.stationId.toHexString() : null,
    community: user.community,
  };
}
