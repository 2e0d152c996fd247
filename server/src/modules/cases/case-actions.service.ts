import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { ratingConsequence } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { authorize } from '../../common/permissions';
import { PhotoAttachments } from '../media/photo-attachments.service';
import type { CaseDoc } from './case.model';
import { CaseMovesService } from './case-moves.service';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';

/** Replies, internal notes and ratings: timeline entries that are not moves (or lead to one). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseActionsService {
  @Inject()
  store!: CaseStore;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  moves!: CaseMovesService;

  @Inject()
  attachments!: PhotoAttachments;

  /** A public reply (visible to the reporter) or an internal note (staff only). */
  async comment(user: AuthUser, doc: CaseDoc, text: string, photos: string[], internal: boolean): Promise<CaseDoc> {
    authorize(user, internal ? 'case.internal' : 'case.reply', { stationId: doc.stationId.toHexString() });
    const photoIds = await this.attachments.claim(user.id, photos);
    const updated = await this.timeline.appendAlways(doc, {
      kind: internal ? 'note' : 'reply',
      move: null,
      from: null,
      to: null,
      text,
      outcome: null,
      score: null,
      photos: photoIds,
      public: !internal,
      actorId: new Types.ObjectId(user.id),
      actorRole: user.role,
      patch: {},
    });
    await this.attachments.attach({ kind: 'case', id: doc._id }, photoIds);
    return updated;
  }

  /**
   * The reporter rates a resolved case once (unique index on caseId). The
   * rating is a timeline entry; what it does next (shared ratingConsequence:
   * ≤ 2 reopen, ≥ 4 close, 3 nothing until the auto-close job) is a move.
   */
  async rate(user: AuthUser, doc: CaseDoc, score: number, comment?: string): Promise<CaseDoc> {
    authorize(user, 'case.rate', { ownerId: doc.reporterId.toHexString() });
    if (doc.status !== 'resolved') throw new AppError('NOT_RATABLE');
    const at = new Date();
    try {
      await this.store.ratings.create({ caseId: doc._id, reporterId: doc.reporterId, score, comment: comment ?? null, at });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('ALREADY_RATED');
      throw err;
    }
    const rated = await this.timeline.appendAlways(doc, {
      kind: 'rating',
      move: null,
      from: null,
      to: null,
      text: comment ?? null,
      outcome: null,
      score,
      photos: [],
      public: true,
      actorId: new Types.ObjectId(user.id),
      actorRole: user.role,
      patch: { rating: score },
      at,
    });
    const next = ratingConsequence(score);
    if (next === 'reopen') return this.moves.apply(rated, 'reopen', 'system', { reason: `居民评价 ${score} 星，不满意，重办` });
    if (next === 'close') return this.moves.apply(rated, 'close', 'system');
    return rated;
  }
}
