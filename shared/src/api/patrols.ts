import type { SignedPhoto } from './media';
import type { CaseStatus } from '../case-lifecycle';

/** A case raised from a patrol, as the log shows it. */
export interface PatrolCaseLink {
  id: string;
  category: string;
  status: CaseStatus;
  address: string;
}

/** A patrol log entry (巡查台账). */
export interface PatrolView {
  id: string;
  stationId: string;
  officerId: string;
  officerName: string;
  /** The China calendar day it started (YYYY-MM-DD). */
  date: string;
  startedAt: string;
  endedAt: string;
  area: string;
  notes: string;
  /** Media URLs. */
  photos: SignedPhoto[];
  cases: PatrolCaseLink[];
  createdAt: string;
}

export interface PatrolDayList {
  date: string;
  items: PatrolView[];
}
