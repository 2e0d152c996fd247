import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import { isDuplicateKey } from '../../common/mongo-errors';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import { CaseNotifier } from './case-notifier';
import { OrdinalLists } from '../../common/ordinal-list';
import { CaseAggregates } from './case-aggregates';
import { ListPages } from '../../common/list-pages';
import { CITY_LIST, derivedFields, listsShowing, mineList, stationList, type DerivedFields } from './case-derived';
import { CaseStore } from './case-store';

export type NewEntry = Omit<CaseEventDoc, '_id' | 'caseId' | 'seq' | 'at'> & { at?: Date };
/** An entry as written: what applying it needs. */
type AppliedEntry = Pick<CaseEventDoc, 'seq' | 'at' | 'public' | 'actorId' | 'kind' | 'to' | 'text' | 'patch'> & Partial<Pick<CaseEventDoc, 'score'>>;
export type NewCase = Omit<CaseDoc, '_id' | 'seq' | 'updatedAt' | 'lastReply' | 'mineK' | 'stationK' | 'cityK' | keyof DerivedFields>;

/** A system entry that takes personal data out of a case (account deletion, retention): internal, no text; its patch is the removal. */
export function erasureEntry(patch: Record<string, unknown>, at?: Date): NewEntry {
  return { kind: 'erasure', move: null, from: null, to: null, text: null, outcome: null, score: null, photos: [], public: false, actorId: null, actorRole: 'system', patch, ...(at ? { at } : {}) };
}

/** An append that does not depend on the version (a reply, a note) retries a lost race this often. */
const APPEND_ATTEMPTS = 50;
const RETRY_JITTER_MS = 20;

/**
 * The one place a case changes after it is created: append the next timeline
 * entry under a unique {caseId, seq}, then apply its patch to the case. A
 * writer that loses the insert race gets 409; an entry whose patch was not
 * applied (a crash between the two writes) is rolled forward by the next
 * reader, with its messages (tests/reliability/r13-faults.test.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseTimelineService {
  @Inject()
  store!: CaseStore;

  @Inject()
  notifier!: CaseNotifier;

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  aggregates!: CaseAggregates;

  @Inject()
  pages!: ListPages;

  /** Creates case `id` at version 0 with its places in the lists (a duplicate key if it exists); everything after is a timeline entry. */
  async open(id: Types.ObjectId, fields: NewCase): Promise<CaseDoc> {
    // The aggregates a case counts in do not depend on its list positions (aggregatesOf takes
    // CountedFields, no bucket), so they are marked while the positions are claimed. Marked before and after the insert: a crash
    // in between still leaves the marks, and a refresh in between is followed by another.
    const counted = { ...derivedFields({ ...fields, mineK: 0, stationK: 0, cityK: 0 }), createdAt: fields.createdAt };
    const [[mineK, stationK, cityK]] = await Promise.all([
      this.lists.claimAll([mineList(fields.reporterId), stationList(fields.stationId), CITY_LIST]),
      this.aggregates.touched(counted),
    ]);
    const positioned = { ...fields, lastReply: null, mineK, stationK, cityK };
    const derived = derivedFields(positioned);
    const doc = await this.store.cases.create({ _id: id, ...positioned, ...derived, seq: 0, updatedAt: fields.createdAt });
    await Promise.all([this.aggregates.touched({ ...derived, createdAt: fields.createdAt }), this.pages.changed(listsShowing(fields))]);
    return doc.toObject();
  }

  /** The case with every written entry applied. */
  async load(caseId: Types.ObjectId | string): Promise<CaseDoc | null> {
    const doc = await this.store.storedCase(caseId);
    return doc ? this.rollForward(doc, await this.store.entriesAfter(doc._id, doc.seq)) : null;
  }

  /** The case with every written entry applied, and its whole timeline (one read of the entries for both). */
  async loadWithTimeline(caseId: Types.ObjectId | string): Promise<{ doc: CaseDoc; entries: CaseEventDoc[] } | null> {
    const stored = await this.store.storedCase(caseId);
    if (!stored) return null;
    const entries = await this.store.timeline(stored._id);
    return { doc: await this.rollForward(stored, entries.filter((e) => e.seq > stored.seq)), entries };
  }

  async append(doc: CaseDoc, entry: NewEntry): Promise<CaseDoc> {
    const seq = doc.seq + 1;
    const at = entry.at ?? new Date();
    try {
      await this.store.entries.create({ ...entry, caseId: doc._id, seq, at });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONCURRENT_UPDATE');
      throw err;
    }
    return this.applyPatch(doc, { ...entry, seq, at });
  }

  /**
   * Appends an entry that does not depend on the case's version (a reply, a
   * note, a rating, a 补充说明): a lost race reloads the case and tries again,
   * so concurrent appends all land. `allowed` is asked each time and throws
   * when the case (as it is now) forbids the entry.
   */
  async appendAlways(doc: CaseDoc, entry: NewEntry, allowed: (current: CaseDoc) => void = () => {}): Promise<CaseDoc> {
    let current = doc;
    for (let attempt = 1; ; attempt++) {
      allowed(current);
      try {
        return await this.append(current, entry);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONCURRENT_UPDATE') || attempt >= APPEND_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * RETRY_JITTER_MS));
        current = (await this.load(doc._id)) ?? current;
      }
    }
  }

  /**
   * Applies a written entry: queues the messages it calls for, then patches the
   * case and recomputes the derived fields (the lists and counts it touches are
   * marked). Messages first: a case that shows an entry applied has queued its
   * messages; an entry a crash left unapplied queues them when it rolls forward
   * (queuing twice is one message: the outbox's unique {dedupeKey, userId}).
   */
  private async applyPatch(doc: CaseDoc, entry: AppliedEntry): Promise<CaseDoc> {
    const { seq, at } = entry;
    const patch = entry.patch ?? {};
    const next = { ...doc, ...patch } as CaseDoc;
    const set = { ...patch, ...derivedFields(next), seq, updatedAt: at };
    const after = { ...next, ...set };
    await this.notifier.entryWritten(after, entry);
    await this.aggregates.touched(doc, after);
    await this.store.cases.updateOne({ _id: doc._id, seq: doc.seq }, { $set: set });
    await Promise.all([this.aggregates.touched(doc, after), this.pages.changed(listsChanged(doc, after))]);
    return after;
  }

  private async rollForward(doc: CaseDoc, pending: CaseEventDoc[]): Promise<CaseDoc> {
    let current = doc;
    for (const entry of pending) {
      if (entry.seq !== current.seq + 1) break;
      current = await this.applyPatch(current, entry);
    }
    return current;
  }
}

/** The lists that showed the case before or show it after a change; an erasure gives it a reporter id that is nobody's, whose list does not exist. */
function listsChanged(before: CaseDoc, after: CaseDoc): string[] {
  const lists = new Set([...listsShowing(before), ...listsShowing(after)]);
  if (!after.reporterId.equals(before.reporterId)) lists.delete(mineList(after.reporterId));
  return [...lists];
}
