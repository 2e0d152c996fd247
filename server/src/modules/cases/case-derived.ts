import { AUTO_CLOSE_AFTER_MS, chinaDate, isFinal, isOpen } from '@citycare/shared';
import { bucketOf } from '../../common/ordinal-list';
import type { CaseDoc } from './case.model';

/**
 * Fields kept in step with a case's state so that every list and figure can
 * find it by top-level equality and read about a page of documents
 * (docs/design.md, "Data rules"; ADR 0008). They are computed from the case
 * in one place — here — after every change (CaseTimelineService) and by the
 * rebuild command.
 */

/** Grid cells of 0.005° (about 550 m × 470 m here) for finding open cases near a point. */
export const NEAR_CELL_DEG = 0.005;

/** Where a case is counted: its station, its community, or the city. */
export type Scope = `s:${string}` | `c:${string}` | 'all';
export const stationScope = (stationId: { toHexString(): string } | string): Scope => `s:${typeof stationId === 'string' ? stationId : stationId.toHexString()}`;
export const communityScope = (community: string): Scope => `c:${community}`;
export const CITY_SCOPE: Scope = 'all';

/** The lists a case has a position in (ordinal-list.ts): its reporter's, its station's, the city's. */
export const mineList = (reporterId: { toHexString(): string }) => `mine|${reporterId.toHexString()}`;
export const stationList = (stationId: { toHexString(): string }) => `station|${stationId.toHexString()}`;
export const CITY_LIST = 'city';
export const communityList = (community: string) => `community|${community}`;

/** The lists that show a case, whose pages are reused until it changes (common/list-pages.ts). */
export function listsShowing(doc: Pick<CaseDoc, 'reporterId' | 'stationId' | 'community'>): string[] {
  return [mineList(doc.reporterId), stationList(doc.stationId), CITY_LIST, ...(doc.community ? [communityList(doc.community)] : [])];
}

export type DerivedFields = Pick<
  CaseDoc,
  'nearKey' | 'queueStation' | 'queueCommunity' | 'queueCity' | 'closeDue' | 'purgeFrom' | 'tallyStation' | 'tallyCommunity' | 'mineBucket' | 'stationBucket' | 'cityBucket'
>;

type Source = Pick<
  CaseDoc,
  'status' | 'category' | 'lat' | 'lng' | 'stationId' | 'community' | 'dueAt' | 'createdAt' | 'resolvedAt' | 'reporterId' | 'mineK' | 'stationK' | 'cityK'
> &
  Partial<Pick<CaseDoc, 'closedAt' | 'anonymisedAt'>>;

export function derivedFields(doc: Source): DerivedFields {
  const open = isOpen(doc.status);
  const dueDay = chinaDate(doc.dueAt);
  const createdDay = chinaDate(doc.createdAt);
  const station = stationScope(doc.stationId);
  return {
    nearKey: open ? `${doc.category}|${nearCell(doc.lat, doc.lng)}` : null,
    // The queue: open cases by the China day their current deadline falls on.
    queueStation: open ? `${station}|${dueDay}` : null,
    queueCommunity: open && doc.community ? `${communityScope(doc.community)}|${dueDay}` : null,
    queueCity: open ? `${CITY_SCOPE}|${dueDay}` : null,
    // Resolved and waiting to be closed by the system: the China day that falls due.
    closeDue: doc.status === 'resolved' && doc.resolvedAt ? `${CITY_SCOPE}|${chinaDate(new Date(doc.resolvedAt.getTime() + AUTO_CLOSE_AFTER_MS))}` : null,
    // Closed (or rejected, merged) and not yet anonymised: the China day retention counts from.
    purgeFrom: isFinal(doc.status) && doc.closedAt && !doc.anonymisedAt ? `${CITY_SCOPE}|${chinaDate(doc.closedAt)}` : null,
    // The figures: cases by the China day they were received (ADR 0002).
    tallyStation: `${station}|${createdDay}`,
    tallyCommunity: doc.community ? `${communityScope(doc.community)}|${createdDay}` : null,
    // Newest-first lists: runs of 25 positions.
    mineBucket: `${doc.reporterId.toHexString()}|${bucketOf(doc.mineK)}`,
    stationBucket: `${doc.stationId.toHexString()}|${bucketOf(doc.stationK)}`,
    cityBucket: String(bucketOf(doc.cityK)),
  };
}

/** The cell of a point: "<row>:<col>". */
export function nearCell(lat: number, lng: number): string {
  return `${Math.floor(lat / NEAR_CELL_DEG)}:${Math.floor(lng / NEAR_CELL_DEG)}`;
}

/** The keys of the cells around a point (3 × 3), for one category. */
export function nearKeysAround(category: string, lat: number, lng: number): string[] {
  const row = Math.floor(lat / NEAR_CELL_DEG);
  const col = Math.floor(lng / NEAR_CELL_DEG);
  const keys: string[] = [];
  for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) keys.push(`${category}|${row + dr}:${col + dc}`);
  return keys;
}

/** Kinds of aggregate: q open cases by due day; r resolved cases by auto-close day; p final cases by day closed (retention); t figures by day received. */
export type AggregateKind = 'q' | 'r' | 'p' | 't';

/** The aggregates a case counts in: "q|<scope>|<day>", "r|all|<day>", "t|<scope>|<day>". */
/** The derived fields that do not depend on a case's list positions (what its aggregates are found by). */
export type CountedFields = Omit<DerivedFields, 'mineBucket' | 'stationBucket' | 'cityBucket'>;

export function aggregatesOf(doc: CountedFields & Pick<CaseDoc, 'createdAt'>): string[] {
  const ids = [doc.queueStation, doc.queueCommunity, doc.queueCity].filter((k): k is string => !!k).map((k) => `q|${k}`);
  if (doc.closeDue) ids.push(`r|${doc.closeDue}`);
  if (doc.purgeFrom) ids.push(`p|${doc.purgeFrom}`);
  ids.push(`t|${doc.tallyStation}`, `t|${CITY_SCOPE}|${chinaDate(doc.createdAt)}`);
  if (doc.tallyCommunity) ids.push(`t|${doc.tallyCommunity}`);
  return ids;
}

/** "q|s:abc|2025-03-02" → its kind, scope and day. */
export function parseAggregate(id: string): { kind: AggregateKind; scope: Scope; day: string } {
  const first = id.indexOf('|');
  const last = id.lastIndexOf('|');
  return { kind: id.slice(0, first) as AggregateKind, scope: id.slice(first + 1, last) as Scope, day: id.slice(last + 1) };
}
