import { CASE_STATUS_LABELS, isFinal, isOpen, type CaseStatus, type CaseView } from '@citycare/shared';
import type { BadgeTone } from '../../components/Badge';

/** A case's badge: its status in words and a tone that says whether it needs attention. */
export function statusBadge(status: CaseStatus): { text: string; tone: BadgeTone } {
  const tone: BadgeTone = isOpen(status) ? 'info' : status === 'resolved' ? 'success' : isFinal(status) ? 'neutral' : 'info';
  return { text: CASE_STATUS_LABELS[status], tone };
}

/** Resolved and not rated yet: the reporter's rating decides 结案 or 重办. */
export function awaitsRating(c: Pick<CaseView, 'status' | 'rating'>): boolean {
  return c.status === 'resolved' && c.rating === null;
}
