import { addChinaDays, chinaDate, chinaDayStart } from './china-day';

describe('China calendar days', () => {
  it('when it is 07:30 in Beijing (23:30 UTC the day before), then the date is the Beijing one', () => {
    expect(chinaDate(new Date('2025-03-01T23:30:00Z'))).toBe('2025-03-02');
  });

  it('when a day starts, then it is midnight +08:00', () => {
    expect(chinaDayStart('2025-03-02')?.toISOString()).toBe('2025-03-01T16:00:00.000Z');
  });

  it.each(['2024-02-30', '2025-13-01', '2025-1-01', '', '2025-03-02T00:00'])('when the date is %p, then it is refused', (date) => {
    expect(chinaDayStart(date)).toBeNull();
  });

  it('when days are added across a month and a leap day, then the calendar is followed', () => {
    expect(addChinaDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addChinaDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addChinaDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});
