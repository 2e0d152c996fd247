import { nearestStationsQuery } from './schemas/stations';
import { parseInput } from './validation';

describe('parseInput with nearestStationsQuery', () => {
  it('when lat/lng/limit are numeric strings, then numbers come out', () => {
    expect(parseInput(nearestStationsQuery, { lat: '32.5', lng: ' 120.46 ', limit: '5' })).toEqual({
      ok: true,
      value: { lat: 32.5, lng: 120.46, limit: 5 },
    });
  });

  it('when a field is unknown, then it is reported as UNKNOWN_FIELD with its name', () => {
    const result = parseInput(nearestStationsQuery, { lat: '1', lng: '2', $where: '1' });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ field: '$where', code: 'UNKNOWN_FIELD' })] });
  });

  it('when values are objects or arrays (operator payloads), then they are rejected with the field code', () => {
    const result = parseInput(nearestStationsQuery, { lat: { $gt: 0 }, lng: ['1', '2'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['INVALID_COORDINATES', 'INVALID_COORDINATES']);
  });

  it('when input is not an object at all, then VALIDATION_FAILED', () => {
    const result = parseInput(nearestStationsQuery, 'lat=1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].code).toBe('VALIDATION_FAILED');
  });
});
