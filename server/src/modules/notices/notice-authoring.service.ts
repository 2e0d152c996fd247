import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import { permissionScope, type CreateNoticeBody, type ManagedNoticeView, type NoticePage, type UpdateNoticeBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { createIdempotently, keyLedger } from '../../common/idempotent-creation';
import { authorize } from '../../common/permissions';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { ContentCheck } from '../wechat/content-check';
import { mayManage, NoticeBoardService } from './notice-board.service';
import { boardBucketOf, boardOf, type NoticeDoc } from './notice.model';
import { OrdinalLists } from '../../common/ordinal-list';

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
  contentCheck!: ContentCheck;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  lists!: OrdinalLists;

  /**
   * The community is the author's: a secretary's own; an admin's notices are
   * city-wide (null). With an Idempotency-Key, a post resent after a lost
   * answer lands once (the same key with another body → 422).
   */
  async post(user: AuthUser, body: CreateNoticeBody, key: string | null = null): Promise<ManagedNoticeView> {
    authorize(user, 'notice.manage');
    const community = permissionScope(user.role, 'notice.manage') === 'city' ? null : user.community;
    authorize(user, 'notice.manage', { community });
    assertFuture(body.expiresAt);
    const doc = await createIdempotently({
      ledger: keyLedger(this.board.requests, 'noticeId', new Types.ObjectId(user.id), key),
      body,
      create: (id) => this.create(user, community, body, id),
      load: (id) => this.board.notices.findById(id).lean<NoticeDoc>(),
    });
    return this.board.open(user, doc._id.toHexString()) as Promise<ManagedNoticeView>;
  }

  /** The notice under `id`; its photos are attached first, so a crash after the insert leaves none loose. */
  private async create(user: AuthUser, community: string | null, body: CreateNoticeBody, id: Types.ObjectId): Promise<NoticeDoc> {
    await this.contentCheck.assertPublishable(user.openid, [body.title, body.body]);
    const photos = await this.attachments.claim(user.id, body.photos);
    await this.attachments.attach({ kind: 'notice', id }, photos);
    const boardK = await this.lists.claim(boardOf(community));
    const doc = await this.board.notices.create({
      _id: id,
      boardK,
      boardBucket: boardBucketOf(community, boardK),
      title: body.title,
      body: body.body,
      photos,
      community,
      authorId: new Types.ObjectId(user.id),
      pinned: body.pinned,
      expiresAt: body.expiresAt,
      withdrawnAt: null,
    });
    await this.board.changed(community);
    return doc;
  }

  /** Edit any field, pin or unpin (`pinned`), set or clear the expiry. */
  async edit(user: AuthUser, id: string, changes: UpdateNoticeBody): Promise<ManagedNoticeView> {
    const doc = await this.managed(user, id);
    if (changes.expiresAt) assertFuture(changes.expiresAt);
    if (changes.title !== undefined || changes.body !== undefined) {
      await this.contentCheck.assertPublishable(user.openid, [changes.title ?? doc.title, changes.body ?? doc.body]);
    }
    const { photos, ...fields } = changes;
    const set: Partial<NoticeDoc> = { ...fields };
    if (photos) set.photos = await this.attachments.replace(user.id, { kind: 'notice', id: doc._id }, doc.photos, photos);
    await this.board.notices.updateOne({ _id: doc._id }, { $set: set });
    await this.board.changed(doc.community);
    return this.board.open(user, id) as Promise<ManagedNoticeView>;
  }

  /** Takes the notice off the board for good (and unpins it); withdrawing twice is harmless. */
  async withdraw(user: AuthUser, id: string): Promise<ManagedNoticeView> {
    const doc = await this.managed(user, id);
    if (!doc.withdrawnAt) {
      await this.board.notices.updateOne({ _id: doc._id }, { $set: { withdrawnAt: new Date(), pinned: false } });
      await this.board.changed(doc.community);
    }
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

}

function assertFuture(expiresAt: Date | null): void {
  if (expiresAt && expiresAt <= new Date()) {
    throw new AppError('VALIDATION_FAILED', '到期时间必须晚于现在', [{ field: 'expiresAt', code: 'VALIDATION_FAILED', message: '到期时间必须晚于现在' }]);
  }
}
