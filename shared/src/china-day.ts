// Calendar days in China time (Asia/Shanghai: UTC+8 all year, no daylight
// saving). Patrol logs "by day" and figures "from … to …" count local days,
// so a case reported at 07:30 Beijing time belongs to that day, not the UTC one.

export const CHINA_UTC_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day begins; null for a malformed or impossible date (2024-02-30). */
export function chinaDayStart(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const start = new Date(Date.parse(`${date}T00:00:00+08:00`));
  return !Number.isNaN(start.getTime()) && chinaDate(start) === date ? start : null;
}

/** `date` moved by `days` calendar days. */
export function addChinaDays(date: string, days: number): string {
  const start = chinaDayStart(date);
  if (!start) throw new Error(`not a date: ${date}`);
  return chinaDate(new Date(start.getTime() + days * DAY_MS));
}

/** "2025-03-02 07:30": an instant as a person in China reads it (messages, CSV exports). */
export function chinaTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
