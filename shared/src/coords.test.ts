import { gcj02ToWgs84, toStoredCoords, wgs84ToGcj02 } from './coords';
import { haversineMeters } from './geo';

const HAIAN_WGS84 = { lat: 32.5355, lng: 120.4591 };

describe('WGS84 <-> GCJ-02', () => {
  it('when a Hai\'an point is converted to GCJ-02, then it moves by the few hundred metres the offset is known for', () => {
    const gcj = wgs84ToGcj02(HAIAN_WGS84);
    const shift = haversineMeters(HAIAN_WGS84, gcj);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(800);
  });

  it('when points across China go WGS84 -> GCJ-02 -> WGS84, then they come back within 1 m', () => {
    const points = [HAIAN_WGS84, { lat: 39.9087, lng: 116.3975 }, { lat: 22.5431, lng: 114.0579 }, { lat: 43.8256, lng: 87.6168 }];
    for (const p of points) {
      const back = gcj02ToWgs84(wgs84ToGcj02(p));
      expect(haversineMeters(p, back)).toBeLessThan(1);
    }
  });

  it('when a point lies outside China, then both systems agree', () => {
    const london = { lat: 51.5007, lng: -0.1246 };
    expect(wgs84ToGcj02(london)).toEqual(london);
    expect(gcj02ToWgs84(london)).toEqual(london);
  });

  it('when the input is already GCJ-02, then it is stored as given', () => {
    expect(toStoredCoords(HAIAN_WGS84, 'gcj02')).toBe(HAIAN_WGS84);
    expect(toStoredCoords(HAIAN_WGS84, 'wgs84')).toEqual(wgs84ToGcj02(HAIAN_WGS84));
  });
});
