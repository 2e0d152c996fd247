import { CHINA_UTC_OFFSET_MS } from '@citycare/shared';

// Dates as residents and staff read them: in China time (UTC+8, shared/src/china-day.ts),
// whatever zone the phone is set to, since the service is one Chinese city's. Shifting the
// instant by +8 h and reading the UTC fields gives the Beijing wall clock.

const pad = (n: number): string => String(n).padStart(2, '0');
const chinaClock = (at: Date): Date => new Date(at.getTime() + CHINA_UTC_OFFSET_MS);
const hourMinute = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** "11-26 14:05", or with the year when it is not this year. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const d = chinaClock(at);
  const sameYear = d.getUTCFullYear() === chinaClock(now).getUTCFullYear();
  const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${sameYear ? '' : `${d.getUTCFullYear()}-`}${date} ${hourMinute(d)}`;
}

/** "11-26 14:00–16:00" for a session on one day. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  return `${formatDateTime(startIso, now)}–${hourMinute(chinaClock(new Date(endIso)))}`;
}
