import { addChinaDays, chinaDate, type FigureTally } from '@citycare/shared';

// The periods the figures page offers and how its numbers read.

export type FigurePeriod = 'week' | 'month';

/** China calendar days from the Monday of this week (or the 1st of this month) to today, inclusive. */
export function periodRange(period: FigurePeriod, now: Date): { from: string; to: string } {
  const to = chinaDate(now);
  if (period === 'month') return { from: `${to.slice(0, 8)}01`, to };
  // The weekday of a China date: read the date at noon UTC, which is the same calendar day.
  const weekday = new Date(`${to}T12:00:00Z`).getUTCDay();
  return { from: addChinaDays(to, -((weekday + 6) % 7)), to };
}

/** The three rates (三率) as chart bars, in percent; a rate with nothing to measure is 0 and flagged. */
export function rateBars(t: FigureTally): Array<{ name: string; value: number; measured: boolean }> {
  return [
    { name: '响应率', rate: t.responseRate },
    { name: '办结率', rate: t.closureRate },
    { name: '满意率', rate: t.satisfactionRate },
  ].map(({ name, rate }) => ({ name, value: rate === null ? 0 : Math.round(rate * 1000) / 10, measured: rate !== null }));
}
