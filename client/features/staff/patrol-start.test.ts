// A new patrol log's start: an hour ago, within today's China date.
import { chinaDate } from '@citycare/shared';
import { defaultPatrolStart } from './patrol-start';

describe('defaultPatrolStart', () => {
  test('when it is afternoon in China, then the patrol began an hour ago', () => {
    const now = new Date('2026-11-30T06:30:00Z'); // 14:30 in China
    expect(defaultPatrolStart(now).toISOString()).toBe('2026-11-30T05:30:00.000Z');
  });

  test('when it is 00:37 in China, then the patrol began at midnight, on today\'s date, not yesterday 23:37', () => {
    const now = new Date('2026-11-30T16:37:00Z'); // 12-01 00:37 in China
    const start = defaultPatrolStart(now);
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaDate(start)).toBe('2026-12-01');
  });
});
