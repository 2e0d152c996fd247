import { chinaInstant, parseCapacity, sessionBody } from './session-form';

const NOW = Date.parse('2026-11-30T08:00:00Z');
const FORM = { date: '2026-12-03', start: '14:00', end: '16:30', capacity: '20', cutoffHours: '24' };

describe('chinaInstant', () => {
  test('when a date and time are typed, then they are read as China time whatever the phone zone', () => {
    expect(chinaInstant('2026-12-3', '9:05')?.toISOString()).toBe('2026-12-03T01:05:00.000Z');
    expect(chinaInstant('2026-12-03', '14：00')?.toISOString()).toBe('2026-12-03T06:00:00.000Z');
  });

  test('when either does not parse, then null', () => {
    expect(chinaInstant('12/03/2026', '14:00')).toBeNull();
    expect(chinaInstant('2026-12-03', '25:00')).toBeNull();
    expect(chinaInstant('2026-12-03', '')).toBeNull();
  });
});

describe('sessionBody', () => {
  test('when the form is complete, then the body carries ISO instants, capacity and the cut-off', () => {
    expect(sessionBody(FORM, NOW)).toEqual({
      body: { startAt: '2026-12-03T06:00:00.000Z', endAt: '2026-12-03T08:30:00.000Z', capacity: 20, cancelCutoffAt: '2026-12-02T06:00:00.000Z' },
    });
  });

  test('when the cut-off would fall before now, then it is now', () => {
    const result = sessionBody({ ...FORM, date: '2026-11-30', start: '20:00', end: '21:00', cutoffHours: '48' }, NOW);
    expect('body' in result && result.body.cancelCutoffAt).toBe(new Date(NOW).toISOString());
  });

  test('when something is wrong, then it says what', () => {
    expect(sessionBody({ ...FORM, end: '13:00' }, NOW)).toEqual({ problem: '结束时间要晚于开始时间' });
    expect(sessionBody({ ...FORM, date: '2026-11-01' }, NOW)).toEqual({ problem: '开始时间要在现在之后' });
    expect(sessionBody({ ...FORM, capacity: '0' }, NOW)).toMatchObject({ problem: expect.stringContaining('名额') });
    expect(sessionBody({ ...FORM, capacity: '2.5' }, NOW)).toMatchObject({ problem: expect.stringContaining('名额') });
    expect(sessionBody({ ...FORM, start: 'x' }, NOW)).toMatchObject({ problem: expect.stringContaining('格式') });
  });
});

describe('parseCapacity', () => {
  test.each(['12', ' 12 ', '1'])('when "%s" is typed, then it is a capacity', (text) => {
    expect(parseCapacity(text)).toEqual({ capacity: Number(text.trim()) });
  });

  test.each(['', '0', '-3', '2.5', '十', '100000'])('when "%s" is typed, then the lead reads what to type', (text) => {
    expect(parseCapacity(text)).toMatchObject({ problem: expect.stringContaining('名额请填') });
  });
});
