import { isOpen, type CaseView } from '@citycare/shared';

// The countdown on each queue card and the staff case page: which promise the station is
// working against now (accept-by while 已提交, resolve-by while 已受理/处置中), and how long
// is left or how long ago it passed.

export interface Deadline {
  kind: 'accept' | 'resolve';
  /** ms left; negative once the deadline has passed. */
  msLeft: number;
  /** "受理剩 1小时20分", "办结已超期 2天3小时" */
  text: string;
  tone: 'danger' | 'warning' | 'info';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Less than this left: the card turns orange. */
export const DEADLINE_WARNING_MS = 2 * HOUR;

/** "2天3小时", "1小时20分", "5分钟" — the two largest units, rounded down; under a minute "不到1分钟". */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return '不到1分钟';
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  return `${minutes}分钟`;
}

/** The deadline the case runs against at `now`, or null when it is no longer open. */
export function currentDeadline(c: Pick<CaseView, 'status' | 'acceptBy' | 'resolveBy'>, now: number): Deadline | null {
  if (!isOpen(c.status)) return null;
  const kind = c.status === 'submitted' ? 'accept' : 'resolve';
  const msLeft = new Date(kind === 'accept' ? c.acceptBy : c.resolveBy).getTime() - now;
  if (Number.isNaN(msLeft)) return null;
  const verb = kind === 'accept' ? '受理' : '办结';
  if (msLeft <= 0) return { kind, msLeft, text: `${verb}已超期 ${formatSpan(msLeft)}`, tone: 'danger' };
  return { kind, msLeft, text: `${verb}剩 ${formatSpan(msLeft)}`, tone: msLeft < DEADLINE_WARNING_MS ? 'warning' : 'info' };
}
