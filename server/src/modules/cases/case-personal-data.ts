import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { PhotoAttachments } from '../media/photo-attachments.service';
import type { PersonalDataHolder } from '../users/personal-data';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import type { CaseFollowerDoc } from './case-follower.model';
import { CaseQueryService } from './case-query.service';
import { CaseStore } from './case-store';
import { ListPages } from '../../common/list-pages';
import { mineList } from './case-derived';
import { OrdinalLists } from '../../common/ordinal-list';
import { CaseTimelineService, erasureEntry } from './case-timeline.service';
import type { RatingDoc } from './rating.model';

/** What is left of a report whose reporter deleted their account. */
const ERASED_DESCRIPTION = '（报事人已注销账号，内容已删除）';

/**
 * The person's reports, follows and ratings. On deletion the cases stay for
 * the figures — category, place, station, dates, status — but anonymous:
 * the reporter id becomes an id that leads nowhere (a fresh one per case, so
 * they cannot be linked), the description and photos go, and so do the
 * texts and photos of their own timeline entries (补充说明, rating comments).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CasePersonalData implements PersonalDataHolder {
  @Inject()
  store!: CaseStore;

  @Inject()
  query!: CaseQueryService;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  pages!: ListPages;

  async export(userId: Types.ObjectId) {
    const asReporter = { id: userId.toHexString(), role: 'resident' as const, stationId: null, community: null, openid: '' };
    const [reported, follows, ratings] = await Promise.all([
      this.store.cases.find({ reporterId: userId }).sort({ createdAt: 1 }).lean<CaseDoc[]>(),
      this.store.followers.find({ userId }).lean<CaseFollowerDoc[]>(),
      this.store.ratings.find({ reporterId: userId }).lean<RatingDoc[]>(),
    ]);
    const cases = await Promise.all(reported.map(async (doc) => this.query.render(asReporter, doc, 'reporter')));
    return {
      cases: cases.map((c) => ({ ...c.case, timeline: c.timeline })),
      following: follows.map((f) => f.caseId.toHexString()),
      ratings: ratings.map((r) => ({ caseId: r.caseId.toHexString(), score: r.score, comment: r.comment, at: r.at.toISOString() })),
    };
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    for (const stored of await this.store.cases.find({ reporterId: userId }).select('_id').lean<Pick<CaseDoc, '_id'>[]>()) {
      const doc = await this.timeline.load(stored._id);
      if (!doc) continue;
      await this.attachments.detach({ kind: 'case', id: doc._id }, doc.photos);
      await this.timeline.appendAlways(
        doc,
        erasureEntry({ reporterId: new Types.ObjectId(), anonymous: true, description: ERASED_DESCRIPTION, publicDescription: false, photos: [] }),
      );
    }
    for (const entry of await this.store.entries.find({ actorId: userId }).lean<CaseEventDoc[]>()) {
      await this.attachments.detach({ kind: 'case', id: entry.caseId }, entry.photos);
      await this.store.entries.updateOne({ _id: entry._id }, { $set: { actorId: null, text: null, photos: [] } });
    }
    for (const rating of await this.store.ratings.find({ reporterId: userId }).select('_id').lean<Pick<RatingDoc, '_id'>[]>()) {
      await this.store.ratings.updateOne({ _id: rating._id }, { $set: { reporterId: new Types.ObjectId(), comment: null } });
    }
    await this.store.followers.deleteMany({ userId });
    await this.store.idempotencyKeys.deleteMany({ userId });
    await this.lists.drop(mineList(userId));
    await this.pages.forget([mineList(userId)]);
  }
}
