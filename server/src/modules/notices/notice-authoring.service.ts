import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import { permissionScope, type CreateNoticeBody, type ManagedNoticeView, type NoticePage, type UpdateNoticeBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { attachPhotos, claimPhotos } from '../cases/case-photos';
import { WechatClient } from '../wechat/wechat.client';
import { mayManage, NoticeBoardService } from './notice-board.service';
import { checkNoticeText } from './notice-text';
import type { NoticeDoc } from './notice.model';

/**
 * Posting, editing, pinning and withdrawing notices (notice.manage): a
 * secretary for their own community, an admin city-wide and for any notice.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticeAuthoringService {
  @Inject()
  board!: NoticeBoardService;

  @Inject()
  wechat!: WechatClient;

  /** The community is the author's: a secretary's own; an admin's notices are city-wide (null). */
  async post(user: AuthUser, body: CreateNoticeBody): Promise<ManagedNoticeView> {
    authorize(user, 'notice.manage');
    const community = permissionScope(user.role, 'notice.manage') === 'city' ? null : user.community;
    authorize(user, 'notice.manage', { community });
    assertFuture(body.expiresAt);
    await this.checkText(user, `${body.title}\n${body.body}`);
    const connection = this.board.database.connection;
    const photos = await claimPhotos(connection, user.id, body.photos);
    const doc = await this.board.notices.create({
      title: body.title,
      body: body.body,
      photos,
      community,
      authorId: new Types.ObjectId(user.id),
      pinned: body.pinned,
      expiresAt: body.expiresAt,
      withdrawnAt: null,
    });
    await attachPhotos(connection, photos, doc._id);
    return this.board.open(user, doc._id.toHexString()) as Promise<ManagedNoticeView>;
  }

  /** Edit any field, pin or unpin (`pinned`), set or clear the expiry. */
  async edit(user: AuthUser, id: string, changes: UpdateNoticeBody): Promise<ManagedNoticeView> {
    const doc = await this.managed(user, id);
    if (changes.expiresAt) assertFuture(changes.expiresAt);
    if (changes.title !== undefined || changes.body !== undefined) {
      await this.checkText(user, `${changes.title ?? doc.title}\n${changes.body ?? doc.body}`);
    }
    const { photos, ...fields } = changes;
    const set: Partial<NoticeDoc> = { ...fields };
    if (photos) set.photos = await this.replacePhotos(user, doc, photos);
    await this.board.notices.updateOne({ _id: doc._id }, { $set: set });
    return this.board.open(user, id) as Promise<ManagedNoticeView>;
  }

  /** Takes the notice off the board for good (and unpins it); withdrawing twice is harmless. */
  async withdraw(user: AuthUser, id: string): Promise<ManagedNoticeView> {
    const doc = await this.managed(user, id);
    if (!doc.withdrawnAt) await this.board.notices.updateOne({ _id: doc._id }, { $set: { withdrawnAt: new Date(), pinned: false } });
    return this.board.open(user, id) as Promise<ManagedNoticeView>;
  }

  /** Every notice the caller manages, withdrawn and expired too, with read counts. */
  async managedList(user: AuthUser, q: { community?: string; after?: string; limit?: number }): Promise<NoticePage<ManagedNoticeView>> {
    authorize(user, 'notice.manage');
    const city = permissionScope(user.role, 'notice.manage') === 'city';
    if (q.community) authorize(user, 'notice.manage', { community: q.community });
    const filter: FilterQuery<NoticeDoc> = {};
    if (q.community || !city) filter.community = q.community ?? user.community;
    return this.board.managedPage(filter, q.after, q.limit);
  }

  /** Another community's notice is NOTICE_NOT_FOUND to a secretary, as if it were not there. */
  private async managed(user: AuthUser, id: string): Promise<NoticeDoc> {
    authorize(user, 'notice.manage');
    const doc = await this.board.load(id);
    if (!mayManage(user, doc)) throw new AppError('NOTICE_NOT_FOUND');
    return doc;
  }

  /** Kept photos stay; new ones must be the editor's own unattached uploads; dropped ones are released. */
  private async replacePhotos(user: AuthUser, doc: NoticeDoc, ids: string[]): Promise<Types.ObjectId[]> {
    const current = new Set(doc.photos.map((p) => p.toHexString()));
    const wanted = [...new Set(ids)];
    const connection = this.board.database.connection;
    const added = await claimPhotos(connection, user.id, wanted.filter((p) => !current.has(p)));
    const dropped = doc.photos.filter((p) => !wanted.includes(p.toHexString()));
    if (dropped.length > 0) {
      await connection.collection('media').updateMany({ _id: { $in: dropped }, caseId: doc._id }, { $set: { caseId: null } });
    }
    await attachPhotos(connection, added, doc._id);
    return wanted.map((p) => new Types.ObjectId(p));
  }

  private checkText(user: AuthUser, text: string): Promise<void> {
    return checkNoticeText(this.wechat, text, user.openid);
  }
}

function assertFuture(expiresAt: Date | null): void {
  if (expiresAt && expiresAt <= new Date()) {
    throw new AppError('VALIDATION_FAILED', '到期时间必须晚于现在', [{ field: 'expiresAt', code: 'VALIDATION_FAILED', message: '到期时间必须晚于现在' }]);
  }
}
