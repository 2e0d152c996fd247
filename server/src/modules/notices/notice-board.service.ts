import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import type { ManagedNoticeView, NoticePage, NoticeView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { Database } from '../../common/database';
import { ListPages } from '../../common/list-pages';
import { isDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import { can } from '../../common/permissions';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { PhotoUrls, type SignPhotos } from '../media/photo-urls';
import { bucketOf, OrdinalLists } from '../../common/ordinal-list';
import { take } from '../../common/take';
import type { MediaFile, MediaVariant } from '../media/media-store';
import { boardOf, NOTICE_MODEL, NOTICE_READ_MODEL, NOTICE_REQUEST_MODEL, noticeReadSchema, noticeRequestSchema, noticeSchema, type NoticeDoc, type NoticeReadDoc, type NoticeRequestDoc } from './notice.model';
import { decodeNoticeCursor, encodeNoticeCursor, isActive, toManagedNoticeView, toNoticeView } from './notice.view';

const DEFAULT_LIMIT = 20;
/** How far apart a notice's position and its time can be at most: the claim-to-insert time plus clock skew between API processes. */
const POSITION_SKEW_MS = 60_000;

/** The notice board as readers see it, and the read counts its authors see. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticeBoardService {
  @Inject()
  database!: Database;

  @Inject()
  photos!: PhotoAttachments;

  @Inject()
  photoUrls!: PhotoUrls;

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  pages!: ListPages;

  private readonly sign: SignPhotos = (ids) => this.photoUrls.sign(ids);

  get notices() {
    return this.database.model<NoticeDoc>(NOTICE_MODEL, noticeSchema);
  }

  get reads() {
    return this.database.model<NoticeReadDoc>(NOTICE_READ_MODEL, noticeReadSchema);
  }

  /** Idempotency-Keys of posts (notice-authoring.service.ts). */
  get requests() {
    return this.database.model<NoticeRequestDoc>(NOTICE_REQUEST_MODEL, noticeRequestSchema);
  }

  /**
   * A community's current notices plus the city-wide ones, pinned first, then
   * newest. The community is the one asked for, else the reader's own; with
   * neither, only city-wide notices.
   */
  async list(user: AuthUser, q: { community?: string; after?: string; limit?: number }): Promise<NoticePage> {
    const community = q.community ?? user.community;
    const boards = community ? [community, null] : [null];
    const cursor = q.after === undefined ? null : decodeNoticeCursor(q.after);
    if (q.after !== undefined && !cursor) throw new AppError('VALIDATION_FAILED');
    const limit = q.limit ?? DEFAULT_LIMIT;
    // Reused until a notice of these boards changes (common/list-pages.ts).
    const items = await this.pages.read(`${boardOf(community ?? null)}|${q.after ?? ''}|${limit}`, boards.map(boardOf), () => this.current(boards, cursor, limit));
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((d) => toNoticeView(d, this.sign, mayManage(user, d) ? 'staff' : 'public')), next: items.length > limit && last ? encodeNoticeCursor(last) : null };
  }

  /** Up to `limit` + 1 current notices of the boards after `cursor`: pinned ones first (a handful per board), then each board newest first, merged. */
  private async current(boards: Array<string | null>, cursor: ReturnType<typeof decodeNoticeCursor>, limit: number): Promise<NoticeDoc[]> {
    const now = new Date();
    const shown = (d: NoticeDoc) => isActive(d, now) && (!cursor || comesAfter(d, cursor));
    const pinned = (await Promise.all(boards.map((c) => this.notices.find({ community: c, pinned: true }).lean<NoticeDoc[]>()))).flat();
    const items = pinned.filter(shown).sort(newestFirst);
    if (items.length <= limit) {
      const heads = await Promise.all(boards.map((c) => this.lists.head(boardOf(c))));
      const merged = mergeNewest(boards.map((c, i) => this.boardNewestFirst(c, heads[i])));
      items.push(...(await take(merged, limit + 1 - items.length, (d) => !d.pinned && shown(d))));
    }
    return items;
  }

  /** A notice of a community's board (null: the city's) was posted or changed: its pages are computed again. */
  changed(community: string | null): Promise<void> {
    return this.pages.changed([boardOf(community)]);
  }

  /**
   * One board's notices, newest first by the readers' order (createdAt, _id), one bucket of 25
   * positions at a time. A position is claimed before its notice is stamped, so two notices
   * posted together (or by API processes whose clocks differ) can have positions and times in
   * opposite orders; notices within POSITION_SKEW_MS of a bucket's oldest wait for the next
   * bucket, which may hold one that is newer.
   */
  private async *boardNewestFirst(community: string | null, head: number): AsyncGenerator<NoticeDoc> {
    let waiting: NoticeDoc[] = [];
    for (let b = bucketOf(head); b >= 0; b--) {
      const docs = await this.notices.find({ boardBucket: `${boardOf(community)}|${b}` }).lean<NoticeDoc[]>();
      if (docs.length === 0) continue;
      const oldest = Math.min(...docs.map((d) => d.createdAt.getTime()));
      const sorted = [...waiting, ...docs].sort(newestFirst);
      const ready = sorted.filter((d) => d.createdAt.getTime() > oldest + POSITION_SKEW_MS);
      waiting = sorted.slice(ready.length);
      yield* ready;
    }
    yield* waiting;
  }

  /**
   * Everything `filter` matches (withdrawn and expired too) with read counts:
   * the author's side of the board.
   */
  async managedPage(filter: FilterQuery<NoticeDoc>, after?: string, limit?: number): Promise<NoticePage<ManagedNoticeView>> {
    const now = new Date();
    return this.page({ ...filter, $and: afterCursor(after) }, limit, async (docs) => {
      const counts = await this.readCounts(docs.map((d) => d._id));
      return docs.map((d) => toManagedNoticeView(d, counts.get(d._id.toHexString()) ?? 0, now, this.sign));
    });
  }

  /** One notice. Opening a current notice counts a read (once per reader); its managers see counts instead. */
  async open(user: AuthUser, id: string): Promise<NoticeView | ManagedNoticeView> {
    const doc = await this.visible(user, id);
    if (mayManage(user, doc)) {
      const counts = await this.readCounts([doc._id]);
      return toManagedNoticeView(doc, counts.get(id) ?? 0, new Date(), this.sign);
    }
    await this.recordRead(doc._id, user.id);
    return toNoticeView(doc, this.sign, 'public');
  }

  /** A photo of a notice, for whoever may see the notice. */
  async photo(user: AuthUser, id: string, mediaId: string, variant: MediaVariant): Promise<MediaFile> {
    const doc = await this.visible(user, id);
    return this.photos.open({ kind: 'notice', id: doc._id }, mediaId, variant);
  }

  /** Current notices are for every signed-in reader; withdrawn or expired ones only for their managers. */
  async visible(user: AuthUser, id: string): Promise<NoticeDoc> {
    const doc = await this.load(id);
    if (!isActive(doc, new Date()) && !mayManage(user, doc)) throw new AppError('NOTICE_NOT_FOUND');
    return doc;
  }

  async load(id: string): Promise<NoticeDoc> {
    const _id = toObjectId(id);
    const doc = _id && (await this.notices.findById(_id).lean<NoticeDoc>());
    if (!doc) throw new AppError('NOTICE_NOT_FOUND');
    return doc;
  }

  private async recordRead(noticeId: Types.ObjectId, userId: string): Promise<void> {
    try {
      await this.reads.create({ noticeId, userId: new Types.ObjectId(userId), at: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // read before: counted once
    }
  }

  /** Readers per notice: $match + $group with $sum, within the FerretDB subset. */
  private async readCounts(ids: Types.ObjectId[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.reads.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { noticeId: { $in: ids } } },
      { $group: { _id: '$noticeId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }

  private async page<V>(filter: FilterQuery<NoticeDoc>, limit = DEFAULT_LIMIT, view: (docs: NoticeDoc[]) => V[] | Promise<V[]>) {
    if (Array.isArray(filter.$and) && filter.$and.length === 0) delete filter.$and;
    const docs = await this.notices.find(filter).sort({ pinned: -1, createdAt: -1, _id: -1 }).limit(limit + 1).lean<NoticeDoc[]>();
    const shown = docs.slice(0, limit);
    const last = shown[shown.length - 1];
    return { items: await view(shown), next: docs.length > limit && last ? encodeNoticeCursor(last) : null };
  }
}

/** Secretaries manage their community's notices; admins every notice (notice.manage). */
export function mayManage(user: AuthUser, doc: Pick<NoticeDoc, 'community'>): boolean {
  return can(user, 'notice.manage', { community: doc.community });
}

/** (pinned desc, createdAt desc, _id desc): the order readers see. */
function newestFirst(a: NoticeDoc, b: NoticeDoc): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a._id.toHexString() < b._id.toHexString() ? 1 : -1);
}

/** Whether `d` comes after the cursor in the readers' order. */
function comesAfter(d: NoticeDoc, c: { pinned: boolean; createdAt: Date; id: string }): boolean {
  if (d.pinned !== c.pinned) return c.pinned; // pinned ones come first
  const t = d.createdAt.getTime() - c.createdAt.getTime();
  return t < 0 || (t === 0 && d._id.toHexString() < c.id);
}

/** Newest first across several boards, each already newest first. */
async function* mergeNewest(boards: AsyncGenerator<NoticeDoc>[]): AsyncGenerator<NoticeDoc> {
  const heads = await Promise.all(boards.map((b) => b.next()));
  for (;;) {
    let pick = -1;
    heads.forEach((h, i) => {
      if (!h.done && (pick < 0 || newestFirst(h.value, heads[pick].value as NoticeDoc) < 0)) pick = i;
    });
    if (pick < 0) return;
    yield heads[pick].value as NoticeDoc;
    heads[pick] = await boards[pick].next();
  }
}

/** The keyset condition for "after this cursor" in (pinned desc, createdAt desc, _id desc) order. */
function afterCursor(after?: string): FilterQuery<NoticeDoc>[] {
  if (after === undefined) return [];
  const c = decodeNoticeCursor(after);
  if (!c) throw new AppError('VALIDATION_FAILED');
  const sameGroup = [
    { pinned: c.pinned, createdAt: { $lt: c.createdAt } },
    { pinned: c.pinned, createdAt: c.createdAt, _id: { $lt: new Types.ObjectId(c.id) } },
  ];
  return [{ $or: c.pinned ? [...sameGroup, { pinned: false }] : sameGroup }];
}
