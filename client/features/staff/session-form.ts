import { MAX_SESSION_CAPACITY } from '@citycare/shared';
import type { NewSession } from '../../api/staff';

// A lead types a session's times as people write them ("2026-12-03 14:00", China time, which is
// the stations' time whatever the phone's zone) and the capacity; this turns that into the body
// POST /api/staff/events/:id/sessions takes, or says what is wrong.

export interface SessionForm {
  date: string;
  start: string;
  end: string;
  capacity: string;
  /** Residents may cancel until this many hours before the start. */
  cutoffHours: string;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME = /^(\d{1,2})[:：](\d{2})$/;
const pad = (n: string) => n.padStart(2, '0');

/** "2026-12-03" + "14:00" → the instant in China time (UTC+8), or null when either does not parse. */
export function chinaInstant(date: string, time: string): Date | null {
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const at = new Date(`${d[1]}-${pad(d[2])}-${pad(d[3])}T${pad(t[1])}:${t[2]}:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A capacity as typed ("30"), or the problem in words: 1 to MAX_SESSION_CAPACITY whole seats. */
export function parseCapacity(text: string): { capacity: number } | { problem: string } {
  const capacity = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SESSION_CAPACITY) return { problem: `名额请填 1–${MAX_SESSION_CAPACITY} 的整数` };
  return { capacity };
}

/** The session body, or the first problem in words. */
export function sessionBody(form: SessionForm, now: number): { body: NewSession } | { problem: string } {
  const start = chinaInstant(form.date, form.start);
  const end = chinaInstant(form.date, form.end);
  if (!start || !end) return { problem: '请按“2026-12-03”和“14:00”的格式填写日期和时间' };
  if (end <= start) return { problem: '结束时间要晚于开始时间' };
  if (start.getTime() <= now) return { problem: '开始时间要在现在之后' };
  const parsed = parseCapacity(form.capacity);
  if ('problem' in parsed) return parsed;
  const { capacity } = parsed;
  const cutoffHours = form.cutoffHours.trim() === '' ? 0 : Number(form.cutoffHours);
  if (!Number.isFinite(cutoffHours) || cutoffHours < 0) return { problem: '取消截止请填不小于 0 的小时数' };
  const cutoff = new Date(Math.max(now, start.getTime() - cutoffHours * 3600_000));
  return { body: { startAt: start.toISOString(), endAt: end.toISOString(), capacity, cancelCutoffAt: cutoff.toISOString() } };
}
