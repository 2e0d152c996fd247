import type { CaseMove, CaseOutcome, CaseStatus } from '../case-lifecycle';
import type { CaseSource } from '../categories';

/** status: a lifecycle move; reply: public; note: staff only; rating: the reporter's stars. */
export type TimelineKind = 'status' | 'reply' | 'note' | 'photo' | 'rating';

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
  photos: string[];
  /** The officer's role label for replies; never a resident's identity. */
  actor: string;
}

export interface CaseView {
  id: string;
  category: string;
  categoryName: string;
  description: string;
  photos: string[];
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
}

/** What staff see besides the case: the reporter (never for anonymous cases), masked phone. */
export interface StaffCaseView extends CaseView {
  reporter: { name: string; phone: string | null } | null;
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
