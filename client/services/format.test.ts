// Times on screen are Beijing wall-clock times, whatever zone the phone is set to.
// The phone here is in New York (Node reads TZ when a date is next formatted), so a format in
// the phone's own zone would fail these tests on any machine, a China-time one included.
const phoneZone = process.env.TZ;
process.env.TZ = 'America/New_York';
import { formatDateTime, formatTimeRange, hours, percent } from './format';

// Other test files may run next in this process.
afterAll(() => {
  if (phoneZone === undefined) delete process.env.TZ;
  else process.env.TZ = phoneZone;
});

const now = new Date('2025-06-01T04:00:00Z');

describe('formatDateTime', () => {
  test('when an instant is late evening UTC, then it shows as the next morning in China', () => {
    expect(formatDateTime('2025-03-01T23:30:00Z', now)).toBe('03-02 07:30');
  });

  test('when the China year is not this year, then the year is shown, counted in China', () => {
    expect(formatDateTime('2024-12-31T17:05:00Z', now)).toBe('01-01 01:05'); // already 2025 in China
    expect(formatDateTime('2024-12-31T15:05:00Z', now)).toBe('2024-12-31 23:05');
  });

  test('when the date cannot be read, then nothing is shown', () => {
    expect(formatDateTime('not a date', now)).toBe('');
  });
});

describe('formatTimeRange', () => {
  test('when a session runs 14:00–16:00 Beijing time, then it reads so', () => {
    expect(formatTimeRange('2025-11-26T06:00:00Z', '2025-11-26T08:00:00Z', now)).toBe('11-26 14:00–16:00');
  });
});

describe('percent and hours', () => {
  test('when rates and hours are given, then they read as percent and hours; nothing measured reads —', () => {
    expect(percent(0.98765)).toBe('98.8%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
    expect(hours(3.456)).toBe('3.5 小时');
    expect(hours(null)).toBe('—');
  });
});
