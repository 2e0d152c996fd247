import { Tally } from '../cases/case-tally';
import { figureRange } from './figures.tally';

const at = (h: number) => new Date(Date.UTC(2025, 0, 1) + h * 3600_000);

describe('Tally', () => {
  it('when cases and ratings are added, then the three rates and mean hours follow the definitions', () => {
    const t = new Tally();
    t.addCase({ status: 'closed', createdAt: at(0), acceptBy: at(2), acceptedAt: at(2), resolvedAt: at(6) });
    t.addCase({ status: 'in_progress', createdAt: at(0), acceptBy: at(2), acceptedAt: at(3), resolvedAt: null });
    t.addCase({ status: 'rejected', createdAt: at(0), acceptBy: at(2), acceptedAt: null, resolvedAt: null });
    t.addRating(4);
    t.addRating(2);
    t.addRating(5);
    expect(t.finish()).toEqual({
      received: 3,
      acceptedOnTime: 1,
      closed: 1,
      rejected: 1,
      ratings: 3,
      satisfied: 2,
      responseRate: 0.3333,
      closureRate: 0.3333,
      satisfactionRate: 0.6667,
      avgAcceptHours: 2.5,
      avgResolveHours: 6,
    });
  });

  it('when nothing was added, then rates and means are null, not NaN', () => {
    expect(new Tally().finish()).toMatchObject({ responseRate: null, closureRate: null, satisfactionRate: null, avgAcceptHours: null });
  });
});

describe('figureRange', () => {
  it('when from and to are given, then China midnights bound them, to inclusive', () => {
    const r = figureRange('2025-01-01', '2025-01-31');
    expect([r.start.toISOString(), r.end.toISOString()]).toEqual(['2024-12-31T16:00:00.000Z', '2025-01-31T16:00:00.000Z']);
  });

  it('when nothing is given, then the last 30 days up to the China today', () => {
    const r = figureRange(undefined, undefined, new Date('2025-03-01T17:00:00Z')); // 01:00 on 03-02 in China
    expect([r.from, r.to]).toEqual(['2025-02-01', '2025-03-02']);
  });

  it.each([
    ['2025-01-02', '2025-01-01'],
    ['2024-01-01', '2025-01-01'],
    ['2025-02-29', '2025-03-01'],
  ])('when from %s to %s, then INVALID_DATE_RANGE', (from, to) => {
    expect(() => figureRange(from, to)).toThrow(expect.objectContaining({ code: 'INVALID_DATE_RANGE' }));
  });
});
