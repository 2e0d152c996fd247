import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import type { CaseDoc } from './case.model';
import { CaseMovesService } from './case-moves.service';
import { CaseTimelineService } from './case-timeline.service';
import { RATING_MODEL, ratingSchema, type RatingDoc } from './rating.model';
import { attachPhotos, claimPhotos } from './case-photos';
import { isDuplicateKey } from '../../common/mongo-errors';

const APPEND_RETRIES = 3;

/** Replies, internal notes and ratings: timeline entries that are not moves (or lead to one). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseActionsService {
  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  moves!: CaseMovesService;

  private get ratings() {
    return this.timeline.database.model<RatingDoc>(RATING_MODEL, ratingSchema);
  }

  /** A public reply (visible to the reporter) or an internal note (staff only). */
  async comment(user: AuthUser, doc: CaseDoc, text: string, photos: string[], internal: boolean): Promise<CaseDoc> {
    authorize(user, internal ? 'case.internal' : 'case.reply', { stationId: doc.stationId.toHexString() });
    const photoIds = await claimPhotos(this.timeline.database.connection, user.id, photos);
    let current = doc;
    // A comment does not depend on the status, so a lost seq race is retried.
    for (let attempt = 1; ; attempt++) {
      try {
        const updated = await this.timeline.append(current, {
          kind: internal ? 'note' : 'reply',
          move: null,
          from: null,
          to: null,
          text,
          outcome: null,
          photos: photoIds,
          public: !internal,
          actorId: new Types.ObjectId(user.id),
          actorRole: user.role,
          patch: {},
        });
        await attachPhotos(this.timeline.database.connection, photoIds, doc._id);
        return updated;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONCURRENT_UPDATE') || attempt >= APPEND_RETRIES) throw err;
        current = (await this.timeline.load(doc._id)) ?? current;
      }
    }
  }

  /**
   * The reporter rates a resolved case once (unique index on caseId):
   * ≤ 2 → reopened (重办) and flagged; ≥ 4 → closed; 3 → stays resolved until the 7-day job.
   */
  async rate(user: AuthUser, doc: CaseDoc, score: number, comment?: string): Promise<CaseDoc> {
    if (doc.reporterId.toHexString() !== user.id) throw new AppError('CASE_NOT_FOUND');
    if (doc.status !== 'resolved') throw new AppError('NOT_RATABLE');
    try {
      await this.ratings.create({ caseId: doc._id, reporterId: doc.reporterId, score, comment: comment ?? null, at: new Date() });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('ALREADY_RATED');
      throw err;
    }
    await this.timeline.cases.updateOne({ _id: doc._id }, { $set: { rating: score } });
    const rated = { ...doc, rating: score };
    if (score <= 2) return this.moves.apply(rated, 'reopen', 'system', { reason: `居民评价 ${score} 星，不满意，重办` });
    if (score >= 4) return this.moves.apply(rated, 'close', 'system');
    return rated;
  }
}
