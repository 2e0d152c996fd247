import { chinaTime } from '@citycare/shared';

// Dates as residents and staff read them: in China time (shared/src/china-day.ts), whatever
// zone the phone is set to, since the service is one Chinese city's.

/** "11-26 14:05", or with the year when it is not this year. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  if (Number.isNaN(new Date(iso).getTime())) return '';
  const at = chinaTime(iso); // "2025-11-26 14:05"
  return at.slice(0, 4) === chinaTime(now).slice(0, 4) ? at.slice(5) : at;
}

/** "11-26 14:00–16:00" for a session on one day. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  return `${formatDateTime(startIso, now)}–${chinaTime(endIso).slice(11)}`;
}

/** 0.9876 → "98.8%"; null (nothing to measure) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 3.456 → "3.5 小时"; null → "—". */
export function hours(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} 小时`;
}
