import { currentDeadline, formatSpan } from './deadline';

const NOW = Date.parse('2026-11-30T08:00:00Z');
const at = (msFromNow: number) => new Date(NOW + msFromNow).toISOString();
const H = 3600_000;

describe('formatSpan', () => {
  test('when the span is days, hours or minutes, then it names the two largest units', () => {
    expect(formatSpan(2 * 24 * H + 3 * H + 59_000)).toBe('2天3小时');
    expect(formatSpan(24 * H)).toBe('1天');
    expect(formatSpan(H + 20 * 60_000)).toBe('1小时20分');
    expect(formatSpan(5 * 60_000 + 30_000)).toBe('5分钟');
    expect(formatSpan(-3 * H)).toBe('3小时');
    expect(formatSpan(30_000)).toBe('不到1分钟');
  });
});

describe('currentDeadline', () => {
  test('when a case is submitted, then it counts down to accept-by', () => {
    const d = currentDeadline({ status: 'submitted', acceptBy: at(5 * H), resolveBy: at(48 * H) }, NOW);
    expect(d).toMatchObject({ kind: 'accept', msLeft: 5 * H, text: '受理剩 5小时', tone: 'info' });
  });

  test('when it is accepted or in progress, then it counts down to resolve-by, orange under two hours', () => {
    expect(currentDeadline({ status: 'accepted', acceptBy: at(-H), resolveBy: at(90 * 60_000) }, NOW)).toMatchObject({ kind: 'resolve', text: '办结剩 1小时30分', tone: 'warning' });
    expect(currentDeadline({ status: 'in_progress', acceptBy: at(-H), resolveBy: at(30 * H) }, NOW)?.tone).toBe('info');
  });

  test('when the deadline has passed, then it says how long ago, in red', () => {
    expect(currentDeadline({ status: 'submitted', acceptBy: at(-26 * H), resolveBy: at(H) }, NOW)).toMatchObject({ text: '受理已超期 1天2小时', tone: 'danger' });
  });

  test('when the case is no longer open, then there is no countdown', () => {
    for (const status of ['resolved', 'closed', 'rejected', 'duplicate'] as const) {
      expect(currentDeadline({ status, acceptBy: at(-H), resolveBy: at(-H) }, NOW)).toBeNull();
    }
  });
});
