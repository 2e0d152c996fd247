import type { CaseMove, CaseOutcome, CaseStatus } from '../case-lifecycle';
import type { CaseSource } from '../categories';
import type { SignedPhoto } from './media';

/**
 * status: a lifecycle move; reply: an officer's public reply; note: staff only;
 * rating: the reporter's stars; supplement: the reporter's 补充说明 (reporter and staff);
 * erasure: the reporter deleted their account and the report was anonymised (staff only).
 */
export type TimelineKind = 'status' | 'reply' | 'note' | 'photo' | 'rating' | 'supplement' | 'erasure';

export interface TimelineEntry {
  seq: number;
  kind: TimelineKind;
  at: string;
  move?: CaseMove;
  from?: CaseStatus;
  to?: CaseStatus;
  text?: string;
  outcome?: CaseOutcome;
  /** 1–5, on a rating entry. */
  score?: number;
  photos: SignedPhoto[];
  /** The officer's role label for replies; never a resident's identity. */
  actor: string;
}

export interface CaseView {
  id: string;
  category: string;
  categoryName: string;
  description: string;
  photos: SignedPhoto[];
  lat: number;
  lng: number;
  address: string;
  anonymous: boolean;
  source: CaseSource;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  stationId: string;
  stationName: string;
  acceptBy: string;
  resolveBy: string;
  overdue: boolean;
  escalated: boolean;
  mergedInto: string | null;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
  /** The moves the caller may make now. */
  allowedMoves: CaseMove[];
  /**
   * How the caller stands to the case: its reporter, a follower (我也遇到, or a
   * merged duplicate's reporter: the public view only — no description unless
   * allowed, no photos, no address, a location rounded to ~100 m), or staff.
   */
  relation: 'reporter' | 'follower' | 'staff';
}

/** What staff see besides the case: the reporter (never for anonymous cases), masked phone. */
export interface StaffCaseView extends CaseView {
  /** On the case page: the reporter (null when anonymous), phone masked. Lists (the queue) leave it out. */
  reporter?: { name: string; phone: string | null } | null;
}

export interface CaseDetail<V extends CaseView = CaseView> {
  case: V;
  timeline: TimelineEntry[];
}

export interface CasePage<V extends CaseView = CaseView> {
  items: V[];
  /** Pass as `before`/`after` for the next page; null at the end. */
  next: string | null;
}
