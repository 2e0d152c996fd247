import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { CASE_STATUS_LABELS, type CaseStatus } from '@citycare/shared';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import { CASE_MODEL, caseSchema, type CaseDoc } from './case.model';
import { CASE_EVENT_MODEL, caseEventSchema, type CaseEventDoc } from './case-event.model';
import { NotificationService } from '../notifications/notification.service';
import { isDuplicateKey } from '../../common/mongo-errors';


export type NewEntry = Omit<CaseEventDoc, '_id' | 'caseId' | 'seq' | 'at'> & { at?: Date };

/**
 * The one place a case changes: append the next timeline entry under a unique
 * {caseId, seq}, then apply its patch to the case. A writer that loses the
 * insert race gets 409; an entry whose patch was not applied (a crash between
 * the two writes) is rolled forward by the next reader.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseTimelineService {
  @Inject()
  database!: Database;

  get cases() {
    return this.database.model<CaseDoc>(CASE_MODEL, caseSchema);
  }

  get events() {
    return this.database.model<CaseEventDoc>(CASE_EVENT_MODEL, caseEventSchema);
  }

  @Inject()
  notifications!: NotificationService;

  /** The case with every written entry applied. */
  async load(caseId: Types.ObjectId | string): Promise<CaseDoc | null> {
    const doc = await this.cases.findById(caseId).lean<CaseDoc>();
    return doc ? this.rollForward(doc) : null;
  }

  async append(doc: CaseDoc, entry: NewEntry): Promise<CaseDoc> {
    const seq = doc.seq + 1;
    const at = entry.at ?? new Date();
    try {
      await this.events.create({ ...entry, caseId: doc._id, seq, at });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONCURRENT_UPDATE');
      throw err;
    }
    const updated = await this.applyPatch(doc, seq, entry.patch, at);
    // Hotline and Open311 cases are reported by integration users, not WeChat users:
    // they read status back through their own API instead.
    if (entry.public && updated.source !== 'hotline') await this.notifyFollowers(updated, seq, entry);
    return updated;
  }

  private async applyPatch(doc: CaseDoc, seq: number, patch: Record<string, unknown>, at: Date): Promise<CaseDoc> {
    await this.cases.updateOne({ _id: doc._id, seq: doc.seq }, { $set: { ...patch, seq, updatedAt: at } });
    return { ...doc, ...patch, seq, updatedAt: at } as CaseDoc;
  }

  private async rollForward(doc: CaseDoc): Promise<CaseDoc> {
    const pending = await this.events
      .find({ caseId: doc._id, seq: { $gt: doc.seq } })
      .sort({ seq: 1 })
      .lean<CaseEventDoc[]>();
    let current = doc;
    for (const event of pending) {
      if (event.seq !== current.seq + 1) break;
      current = await this.applyPatch(current, event.seq, event.patch ?? {}, event.at);
    }
    return current;
  }

  /** The reporter, and reporters of cases merged into this one, hear of public entries. */
  private async notifyFollowers(doc: CaseDoc, seq: number, entry: NewEntry): Promise<void> {
    const merged = await this.cases
      .find({ mergedInto: doc._id, status: 'duplicate' })
      .select('reporterId')
      .lean<Pick<CaseDoc, 'reporterId'>[]>();
    const followers = new Map([doc.reporterId, ...merged.map((m) => m.reporterId)].map((id) => [id.toHexString(), id]));
    const status = CASE_STATUS_LABELS[(entry.to ?? doc.status) as CaseStatus];
    await this.notifications.enqueue([...followers.values()], {
      template: 'case_status',
      dedupeKey: `case:${doc._id.toHexString()}:${seq}`,
      page: `pages/case/index?id=${doc._id.toHexString()}`,
      data: {
        thing1: { value: doc.address.slice(0, 20) },
        phrase2: { value: status },
        thing3: { value: (entry.text ?? status).slice(0, 20) },
        time4: { value: new Date().toISOString().slice(0, 16).replace('T', ' ') },
      },
    });
  }
}
