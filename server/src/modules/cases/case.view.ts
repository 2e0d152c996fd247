import {
  allowedMoves,
  isOpen,
  maskPhone,
  OBJECT_ID_CHARS,
  type CaseView,
  type StaffCaseView,
  type TimelineEntry,
} from '@citycare/shared';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import type { Actor } from '@citycare/shared';

export interface ViewContext {
  categoryName: string;
  stationName: string;
  actors: Actor[];
  now: Date;
}

/** Derived, never stored: late for acceptance while submitted, or for resolution while open. */
export function isOverdue(doc: Pick<CaseDoc, 'status' | 'acceptBy' | 'resolveBy'>, now: Date): boolean {
  if (doc.status === 'submitted' && now > doc.acceptBy) return true;
  return isOpen(doc.status) && now > doc.resolveBy;
}

export function toCaseView(doc: CaseDoc, ctx: ViewContext): CaseView {
  return {
    id: doc._id.toHexString(),
    category: doc.category,
    categoryName: ctx.categoryName,
    description: doc.description,
    photos: doc.photos.map((p) => `/api/media/${p.toHexString()}`),
    lat: doc.lat,
    lng: doc.lng,
    address: doc.address,
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
    rating: doc.rating,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    allowedMoves: allowedMoves(doc.status, ctx.actors),
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

/** Timeline entries; internal notes only for staff. Never a resident's identity. */
export function toTimeline(events: CaseEventDoc[], includeInternal: boolean): TimelineEntry[] {
  return events
    .filter((e) => e.public || includeInternal)
    .map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at.toISOString(),
      ...(e.move ? { move: e.move } : {}),
      ...(e.from ? { from: e.from } : {}),
      ...(e.to ? { to: e.to } : {}),
      ...(e.text ? { text: e.text } : {}),
      ...(e.outcome ? { outcome: e.outcome } : {}),
      ...(e.score ? { score: e.score } : {}),
      photos: e.photos.map((p) => `/api/media/${p.toHexString()}`),
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
