// Response shapes of the 12345 hotline endpoints.
import type { CaseOutcome, CaseStatus } from '../case-lifecycle';

/** What the hotline reads back about its case: never the caller's phone. */
export interface HotlineCaseStatus {
  hotlineId: string;
  caseId: string;
  status: CaseStatus;
  /** 已受理, 已办结… */
  statusName: string;
  outcome: CaseOutcome | null;
  stationName: string;
  createdAt: string;
  updatedAt: string;
  /** Public timeline entries with text (officers' replies, rejection reasons, resolution notes), oldest first. */
  replies: Array<{ at: string; text: string }>;
}

export type HotlineImportResult = 'imported' | 'duplicate' | 'rejected';

export interface HotlineImportRow {
  /** The line of the file where the row starts (the header is line 1). */
  row: number;
  hotlineId: string | null;
  result: HotlineImportResult;
  /** Why a row was rejected (Chinese, for the admin). */
  reason: string | null;
}

export interface HotlineImportReport {
  imported: number;
  duplicates: number;
  rejected: number;
  rows: HotlineImportRow[];
}
