import {
  allowedMoves,
  isOpen,
  maskPhone,
  OBJECT_ID_CHARS,
  PUBLIC_GRID_M,
  roundToGrid,
  type Actor,
  type CaseView,
  type StaffCaseView,
  type TimelineEntry,
} from '@citycare/shared';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import type { SignPhotos } from '../media/photo-urls';
import type { CaseRelation } from './case-access';
import { textFor, type Readers } from '../../common/public-text';

/** Staff of the case's station read its texts as written; its reporter and followers with numbers masked. */
export function readersOf(relation: CaseRelation): Readers {
  return relation === 'staff' ? 'staff' : 'public';
}


export interface ViewContext {
  categoryName: string;
  stationName: string;
  actors: Actor[];
  now: Date;
  relation: CaseRelation;
  sign: SignPhotos;
}

/** Derived, never stored: late for acceptance while submitted, or for resolution while open. */
export function isOverdue(doc: Pick<CaseDoc, 'status' | 'acceptBy' | 'resolveBy'>, now: Date): boolean {
  if (doc.status === 'submitted' && now > doc.acceptBy) return true;
  return isOpen(doc.status) && now > doc.resolveBy;
}

/**
 * A case as its reporter or staff see it; a follower gets its public view:
 * the description only if the reporter allowed it, no photos, no address, a
 * location on the ~100 m grid, no rating.
 */
export function toCaseView(doc: CaseDoc, ctx: ViewContext): CaseView {
  const follower = ctx.relation === 'follower';
  const where = follower ? roundToGrid({ lat: doc.lat, lng: doc.lng }, PUBLIC_GRID_M) : { lat: doc.lat, lng: doc.lng };
  return {
    id: doc._id.toHexString(),
    category: doc.category,
    categoryName: ctx.categoryName,
    description: follower && !doc.publicDescription ? '' : textFor(readersOf(ctx.relation), doc.description),
    photos: follower ? [] : ctx.sign(doc.photos),
    lat: where.lat,
    lng: where.lng,
    address: follower ? '' : doc.address,
    anonymous: doc.anonymous,
    source: doc.source,
    status: doc.status,
    outcome: doc.outcome,
    stationId: doc.stationId.toHexString(),
    stationName: ctx.stationName,
    acceptBy: doc.acceptBy.toISOString(),
    resolveBy: doc.resolveBy.toISOString(),
    overdue: isOverdue(doc, ctx.now),
    escalated: doc.escalated,
    mergedInto: doc.mergedInto ? doc.mergedInto.toHexString() : null,
    rating: follower ? null : doc.rating,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    allowedMoves: allowedMoves(doc.status, ctx.actors),
    relation: ctx.relation,
  };
}

export function toStaffCaseView(
  doc: CaseDoc,
  ctx: ViewContext,
  reporter: { name: string; phone: string | null } | null,
): StaffCaseView {
  return {
    ...toCaseView(doc, ctx),
    // An anonymous report hides the reporter from officers too.
    reporter: doc.anonymous || !reporter ? null : { name: reporter.name, phone: reporter.phone ? maskPhone(reporter.phone) : null },
  };
}

const ROLE_ACTOR: Record<string, string> = {
  officer: '城管队员',
  lead: '带队人员',
  admin: '城管局',
  system: '系统',
  resident: '居民',
  secretary: '社区书记',
};

/**
 * Which entries someone sees: staff everything; the reporter the public
 * entries (moves, replies, their ratings and 补充说明); followers only the
 * public view's moves and officers' replies.
 */
export function seesEntry(relation: CaseRelation, entry: Pick<CaseEventDoc, 'public' | 'kind'>): boolean {
  if (relation === 'staff') return true;
  if (!entry.public) return false;
  return relation === 'reporter' || entry.kind === 'status' || entry.kind === 'reply';
}

/** Timeline entries as `relation` sees them. Never a resident's identity; no photos in the public view. */
export function toTimeline(events: CaseEventDoc[], relation: CaseRelation, sign: SignPhotos): TimelineEntry[] {
  return events
    .filter((e) => seesEntry(relation, e))
    .map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at.toISOString(),
      ...(e.move ? { move: e.move } : {}),
      ...(e.from ? { from: e.from } : {}),
      ...(e.to ? { to: e.to } : {}),
      ...(e.text ? { text: textFor(readersOf(relation), e.text) } : {}),
      ...(e.outcome ? { outcome: e.outcome } : {}),
      ...(e.score ? { score: e.score } : {}),
      photos: relation === 'follower' ? [] : sign(e.photos),
      actor: ROLE_ACTOR[e.actorRole] ?? '',
    }));
}

/** Opaque keyset cursor: "<ms>_<id>". */
const CURSOR = new RegExp(`^(\\d{1,15})_(${OBJECT_ID_CHARS})$`);

export function encodeCursor(date: Date, id: { toHexString(): string }): string {
  return `${date.getTime()}_${id.toHexString()}`;
}

export function decodeCursor(cursor: string): { date: Date; id: string } | null {
  const match = CURSOR.exec(cursor);
  return match ? { date: new Date(Number(match[1])), id: match[2] } : null;
}

/** Opaque cursor of a newest-first list: "p<position>_<id>". */
const POSITION_CURSOR = new RegExp(`^p(\\d{1,12})_(${OBJECT_ID_CHARS})$`);

export function encodePositionCursor(k: number, id: { toHexString(): string }): string {
  return `p${k}_${id.toHexString()}`;
}

export function decodePositionCursor(cursor: string): { k: number; id: string } | null {
  const match = POSITION_CURSOR.exec(cursor);
  return match ? { k: Number(match[1]), id: match[2] } : null;
}

/** The queue's order: earliest deadline first, then by id. */
export function byDeadline(a: Pick<CaseDoc, 'dueAt' | '_id'>, b: Pick<CaseDoc, 'dueAt' | '_id'>): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a._id.toHexString() < b._id.toHexString() ? -1 : a._id.equals(b._id) ? 0 : 1);
}
