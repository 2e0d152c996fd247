import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { chinaDate, isFinal, PUBLIC_GRID_M, roundToGrid } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { envInt } from '../../config/env';
import { PhotoAttachments } from '../media/photo-attachments.service';
import type { CaseDoc } from './case.model';
import { CaseAggregates } from './case-aggregates';
import { CITY_SCOPE } from './case-derived';
import { CaseStore } from './case-store';
import { CaseTimelineService, erasureEntry } from './case-timeline.service';

const DAY_MS = 24 * 3600_000;
/** What is left of a report after the retention period. */
export const RETAINED_DESCRIPTION = '（已超过保存期限，内容已删除）';

/**
 * R14: anonymises cases closed (or rejected, or merged) more than
 * RETENTION_DAYS ago, through a timeline entry like an erasure: the reporter
 * becomes an id that leads nowhere, the description, address and exact place
 * go, the reporter's own timeline texts and ratings' comments go, followers
 * are dropped, and every photo of the case is deleted through the media
 * module. Category, station, dates and status stay for the figures. It reads
 * only the days that fall due ("p" counts of case-aggregates.ts), never an
 * open case; one process at a time (the job runner's claim `job:retention`, common/jobs.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RetentionJob {
  @Inject()
  store!: CaseStore;

  @Inject()
  aggregates!: CaseAggregates;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  attachments!: PhotoAttachments;

  async runOnce(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - envInt('RETENTION_DAYS') * DAY_MS);
    let done = 0;
    for (const { day } of await this.aggregates.days('p', CITY_SCOPE)) {
      if (day > chinaDate(cutoff)) break;
      for (const doc of await this.store.cases.find({ purgeFrom: `${CITY_SCOPE}|${day}` }).lean<CaseDoc[]>()) {
        if (doc.closedAt && doc.closedAt <= cutoff && (await this.anonymise(doc._id, cutoff, now))) done += 1;
      }
    }
    return done;
  }

  /** One case, if it is (still) final and past the period; false when it was reopened or moved meanwhile. */
  private async anonymise(id: Types.ObjectId, cutoff: Date, now: Date): Promise<boolean> {
    const doc = await this.timeline.load(id);
    if (!doc || !due(doc, cutoff)) return false;
    const entries = await this.store.timeline(doc._id);
    const photos = [...doc.photos, ...entries.flatMap((e) => e.photos)];
    const place = roundToGrid({ lat: doc.lat, lng: doc.lng }, PUBLIC_GRID_M);
    try {
      await this.timeline.appendAlways(
        doc,
        erasureEntry({ reporterId: new Types.ObjectId(), anonymous: true, description: RETAINED_DESCRIPTION, publicDescription: false, photos: [], address: '', ...place, anonymisedAt: now }, now),
        (current) => {
          if (!due(current, cutoff)) throw new AppError('ILLEGAL_TRANSITION');
        },
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'ILLEGAL_TRANSITION') return false; // reopened meanwhile
      throw err;
    }
    await this.attachments.discard({ kind: 'case', id: doc._id }, photos);
    for (const entry of entries) {
      const byReporter = !!entry.actorId && entry.actorId.equals(doc.reporterId);
      if (byReporter || entry.photos.length > 0) {
        await this.store.entries.updateOne({ _id: entry._id }, { $set: { photos: [], ...(byReporter ? { actorId: null, text: null } : {}) } });
      }
    }
    await this.store.ratings.updateOne({ caseId: doc._id }, { $set: { reporterId: new Types.ObjectId(), comment: null } });
    await this.store.followers.deleteMany({ caseId: doc._id });
    // Every Idempotency-Key that wrote to the case: the reporter's (the case, 补充说明) and staff's
    // (replies and notes, named in their entries), each by its own unique {userId, key}. A staff
    // request that died before its entry landed leaves its key (a random key and a hash, no
    // text): finding it would need an index on caseId that every creation would pay for.
    await this.store.idempotencyKeys.deleteMany({ userId: doc.reporterId, caseId: doc._id });
    for (const entry of entries) {
      if (entry.requestKey && entry.actorId) await this.store.idempotencyKeys.deleteOne({ userId: entry.actorId, key: entry.requestKey, caseId: doc._id });
    }
    return true;
  }
}

function due(doc: CaseDoc, cutoff: Date): boolean {
  return isFinal(doc.status) && !doc.anonymisedAt && !!doc.closedAt && doc.closedAt <= cutoff;
}
