import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../common/auth-user';
import { passes, type PhotoOwner } from '../media/photo-owner';
import { NoticeBoardService } from './notice-board.service';

/** A notice's photos are for whoever may see the notice. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticePhotoOwner implements PhotoOwner {
  readonly kind = 'notice';

  @Inject()
  board!: NoticeBoardService;

  async canView(viewer: AuthUser, id: Types.ObjectId): Promise<boolean> {
    return passes(this.board.visible(viewer, id.toHexString()));
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.board.notices.exists({ _id: id }));
  }
}
