// A new patrol log's start: an hour ago, within today's China date.
import { chinaDate } from '@citycare/shared';
import { defaultPatrolStart, startWithinDay } from './patrol-start';

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

describe('startWithinDay', () => {
  test('when the next log starts where one saved at 23:50 ended and is saved at 00:20, then it starts at midnight, on its own day', () => {
    const start = new Date('2026-11-30T15:50:00Z'); // 23:50 in China
    const end = new Date('2026-11-30T16:20:00Z'); // 12-01 00:20
    expect(startWithinDay(start, end).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  test('when start and end fall on one China day, then the start stays', () => {
    const start = new Date('2026-11-30T01:00:00Z');
    expect(startWithinDay(start, new Date('2026-11-30T03:00:00Z'))).toEqual(start);
  });
});
