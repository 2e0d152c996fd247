import { CASE_STATUS_LABELS, type HotlineCaseStatus } from '@citycare/shared';
import type { CaseDoc } from '../cases/case.model';
import type { CaseEventDoc } from '../cases/case-event.model';
import type { HotlineCaseDoc } from './hotline.model';
import { textFor } from '../../common/public-text';

/** What the hotline may read back: what a reporter sees, minus photos; never the caller's phone, numbers in replies masked. */
export function toHotlineStatus(record: HotlineCaseDoc, doc: CaseDoc, stationName: string, events: CaseEventDoc[]): HotlineCaseStatus {
  return {
    hotlineId: record._id,
    caseId: doc._id.toHexString(),
    status: doc.status,
    statusName: CASE_STATUS_LABELS[doc.status],
    outcome: doc.outcome,
    stationName,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    replies: events.filter((e) => e.public && e.text).map((e) => ({ at: e.at.toISOString(), text: textFor('public', e.text as string) })),
  };
}
