import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import type { PhotoOwner } from '../media/photo-owner';
import { NoticeBoardService } from './notice-board.service';

/** A notice's photos are for whoever may see the notice. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticePhotoOwner implements PhotoOwner {
  readonly kind = 'notice';

  @Inject()
  board!: NoticeBoardService;

  async canView(viewer: AuthUser, id: Types.ObjectId): Promise<boolean> {
    return this.board.visible(viewer, id.toHexString()).then(
      () => true,
      (err) => (err instanceof AppError ? false : Promise.reject(err)),
    );
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.board.notices.exists({ _id: id }));
  }
}
