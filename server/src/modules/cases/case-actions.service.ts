import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { isOpen, ratingConsequence } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { bodyHashOf, KEY_WAIT_MS, keyLedger, stillAtWork, type KeyLedger } from '../../common/idempotent-creation';
import { isDuplicateKey } from '../../common/mongo-errors';
import { authorize } from '../../common/permissions';
import { PhotoAttachments } from '../media/photo-attachments.service';
import type { CaseDoc } from './case.model';
import type { CaseRelation } from './case-access';
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
  async comment(user: AuthUser, doc: CaseDoc, text: string, photos: string[], internal: boolean, key: string | null = null): Promise<CaseDoc> {
    authorize(user, internal ? 'case.internal' : 'case.reply', { stationId: doc.stationId.toHexString() });
    const photoIds = await this.attachments.claim(user.id, photos);
    const requestKey = key === null ? undefined : `${internal ? 'note' : 'reply'}:${key}`;
    const attach = () => this.attachments.attach({ kind: 'case', id: doc._id }, photoIds);
    return this.once(user, requestKey, { text, photos }, doc, attach, () =>
      this.timeline.appendAlways(doc, {
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
        // The newest public reply travels with the case (Open311's status notes read it there).
        patch: internal ? {} : { lastReply: text },
        requestKey,
      }),
    );
  }

  /** 我也遇到: a resident follows an open case (found nearby, or through Open311) instead of reporting it again. */
  async follow(user: AuthUser, caseId: string): Promise<CaseDoc> {
    authorize(user, 'case.follow');
    const doc = await this.timeline.load(caseId);
    if (!doc) throw new AppError('CASE_NOT_FOUND');
    if (!isOpen(doc.status)) throw new AppError('CASE_NOT_OPEN');
    if (doc.reporterId.toHexString() !== user.id) await this.store.follow(doc._id, new Types.ObjectId(user.id));
    return doc;
  }

  /**
   * 补充说明: the reporter adds text and photos to their open case, seen by
   * them and the station's staff (who are told). Idempotent by the client's
   * key: a retry after a lost answer adds nothing.
   */
  async supplement(user: AuthUser, doc: CaseDoc, relation: CaseRelation, body: { text: string; photos: string[] }, key: string): Promise<CaseDoc> {
    if (relation !== 'reporter') throw new AppError('FORBIDDEN', '只有报事人可以补充说明');
    const mustBeOpen = (current: CaseDoc) => {
      if (!isOpen(current.status)) throw new AppError('CASE_NOT_OPEN');
    };
    mustBeOpen(doc);
    const photos = await this.attachments.claim(user.id, body.photos);
    const requestKey = `supplement:${key}`;
    const attach = () => this.attachments.attach({ kind: 'case', id: doc._id }, photos);
    return this.once(user, requestKey, body, doc, attach, () =>
      this.timeline.appendAlways(
        doc,
        {
          kind: 'supplement',
          move: null,
          from: null,
          to: null,
          text: body.text,
          outcome: null,
          score: null,
          photos,
          public: true,
          actorId: new Types.ObjectId(user.id),
          actorRole: user.role,
          patch: {},
          requestKey,
        },
        mustBeOpen,
      ),
    );
  }

  /**
   * Writes an entry once per Idempotency-Key (none: every time), then attaches its photos; a
   * retry that finds the entry written attaches them again (a first request may have died in
   * between; attaching twice is harmless). A write refused with nothing written frees the key
   * for a corrected retry.
   */
  private async once(user: AuthUser, key: string | undefined, body: unknown, doc: CaseDoc, attach: () => Promise<void>, write: () => Promise<CaseDoc>): Promise<CaseDoc> {
    const attached = async (updated: CaseDoc) => {
      await attach();
      return updated;
    };
    if (!key) return attached(await write());
    const ledger = keyLedger(this.store.idempotencyKeys, 'caseId', new Types.ObjectId(user.id), key);
    const claim = await this.claimKey(ledger, key, body, doc);
    if (claim === 'written') return attached((await this.timeline.load(doc._id)) ?? doc);
    try {
      return await attached(await write());
    } catch (err) {
      if (err instanceof AppError && claim && !(await this.hasEntry(doc, key))) await ledger.release(claim);
      throw err;
    }
  }

  /** Whether the entry a request with this (scoped) key writes is on the case's timeline. */
  private async hasEntry(doc: CaseDoc, key: string): Promise<boolean> {
    return !!(await this.store.entries.exists({ caseId: doc._id, requestKey: key }));
  }

  /**
   * The Idempotency-Key of an entry on `doc` (a reply, a note, a 补充说明; scoped by kind).
   * The key's record (null when none is held) when this request is the one to write it: the first, or a retry after a
   * first request that died before its entry landed (the key is in the entry, so the timeline
   * tells). 'written' when the entry is there: a retry after a lost answer adds nothing. Another
   * body (or another case) under the same key is 422; a retry while the first may still be
   * writing, 409.
   */
  private async claimKey(ledger: KeyLedger, key: string, body: unknown, doc: CaseDoc): Promise<Types.ObjectId | null | 'written'> {
    const bodyHash = bodyHashOf({ on: doc._id.toHexString(), body });
    try {
      return await ledger.claim(doc._id, bodyHash);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const record = await ledger.find();
      if (record && record.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (await this.hasEntry(doc, key)) return 'written';
      // No record: the first was refused meanwhile and freed the key; this one writes, holding none.
      if (!record) return null;
      if (Date.now() - record.createdAt.getTime() < KEY_WAIT_MS) throw stillAtWork();
      return record.recordId;
    }
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
