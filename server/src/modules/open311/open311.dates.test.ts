import { requestRange, w3c } from './open311.dates';

const DAY = 86_400_000;
const now = new Date('2025-06-30T12:00:00Z');

describe('requestRange (GET requests, at most 90 days)', () => {
  it('when no bounds are given, then the last 90 days up to now', () => {
    expect(requestRange(undefined, undefined, now)).toEqual({ start: new Date(now.getTime() - 90 * DAY), end: now });
  });

  it('when only one bound is given, then 90 days from it or up to it', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    expect(requestRange(start, undefined, now)).toEqual({ start, end: new Date(start.getTime() + 90 * DAY) });
    expect(requestRange(undefined, start, now)).toEqual({ start: new Date(start.getTime() - 90 * DAY), end: start });
  });

  it('when both bounds span exactly 90 days, then they are kept; one millisecond more is refused', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    expect(requestRange(start, new Date(start.getTime() + 90 * DAY), now).end.getTime() - start.getTime()).toBe(90 * DAY);
    expect(() => requestRange(start, new Date(start.getTime() + 90 * DAY + 1), now)).toThrow(expect.objectContaining({ code: 'INVALID_DATE_RANGE' }));
  });

  it('when the end is before the start, then it is refused', () => {
    expect(() => requestRange(now, new Date(now.getTime() - 1), now)).toThrow(expect.objectContaining({ code: 'INVALID_DATE_RANGE' }));
  });
});

describe('w3c', () => {
  it('when a date is formatted, then it is UTC with a Z and whole seconds', () => {
    expect(w3c(new Date('2010-01-01T08:15:30.789+08:00'))).toBe('2010-01-01T00:15:30Z');
  });
});
