import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../common/auth-user';
import { passes, type PhotoOwner } from '../media/photo-owner';
import { PatrolQueryService } from './patrol-query.service';

/** A patrol log's photos are for whoever may read the log (its officer, the station's lead, admins). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PatrolPhotoOwner implements PhotoOwner {
  readonly kind = 'patrol';

  @Inject()
  query!: PatrolQueryService;

  async canView(viewer: AuthUser, id: Types.ObjectId): Promise<boolean> {
    return passes(this.query.visible(viewer, id.toHexString()));
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.query.patrols.exists({ _id: id }));
  }
}
