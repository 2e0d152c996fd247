import { periodRange, rateBars } from './figures';

describe('periodRange', () => {
  test('when it is a Wednesday in China, then the week starts on Monday and the month on the 1st', () => {
    // 2026-12-02 is a Wednesday; 23:30 UTC on the 1st is already the 2nd in China.
    const now = new Date('2026-12-01T23:30:00Z');
    expect(periodRange('week', now)).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(periodRange('month', now)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
  });

  test('when it is Sunday, then the week goes back to the Monday before; on Monday it is just today', () => {
    expect(periodRange('week', new Date('2026-12-06T04:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodRange('week', new Date('2026-11-30T04:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-11-30' });
  });
});

describe('numbers', () => {
  test('when building the rate bars, then they are the 三率 in percent, unmeasured ones flagged', () => {
    const bars = rateBars({ received: 4, acceptedOnTime: 3, closed: 2, rejected: 0, ratings: 0, satisfied: 0, responseRate: 0.75, closureRate: 0.5, satisfactionRate: null, avgAcceptHours: 1, avgResolveHours: null });
    expect(bars).toEqual([
      { name: '响应率', value: 75, measured: true },
      { name: '办结率', value: 50, measured: true },
      { name: '满意率', value: 0, measured: false },
    ]);
  });
});
