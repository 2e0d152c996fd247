import { CASE_STATUS_LABELS, isFinal, isOpen, type CaseStatus, type CaseView, type SignedPhoto, type TimelineEntry } from '@citycare/shared';
import type { BadgeTone } from '../../components/Badge';

/** A case's badge: its status in words and a tone that says whether it needs attention. */
export function statusBadge(status: CaseStatus): { text: string; tone: BadgeTone } {
  const tone: BadgeTone = isOpen(status) ? 'info' : status === 'resolved' ? 'success' : isFinal(status) ? 'neutral' : 'info';
  return { text: CASE_STATUS_LABELS[status], tone };
}

/** Resolved and not rated yet, and I reported it: my rating decides 结案 or 重办. */
export function awaitsRating(c: Pick<CaseView, 'status' | 'rating' | 'relation'>): boolean {
  return c.relation === 'reporter' && c.status === 'resolved' && c.rating === null;
}

/** The photos the officer took when resolving the case (处理后): those of the latest 办结 entry. */
export function resolutionPhotos(timeline: readonly TimelineEntry[]): SignedPhoto[] {
  const resolves = timeline.filter((e) => e.move === 'resolve');
  return resolves.length ? resolves.reduce((a, b) => (b.seq > a.seq ? b : a)).photos : [];
}

/** 处理前 / 处理后 side by side once the case is resolved (or closed), when there is a photo to compare. */
export function beforeAfter(c: Pick<CaseView, 'status' | 'photos'>, timeline: readonly TimelineEntry[]): { before: SignedPhoto[]; after: SignedPhoto[] } | null {
  if (c.status !== 'resolved' && c.status !== 'closed') return null;
  const after = resolutionPhotos(timeline);
  return c.photos.length || after.length ? { before: c.photos, after } : null;
}
