import { haversineMeters } from './geo';
import { gcj02ToWgs84, wgs84ToGcj02 } from './coords';

describe('WGS-84 ⇄ GCJ-02', () => {
  test('when converting Tiananmen from WGS-84, then it lands on its published GCJ-02 position', () => {
    const gcj = wgs84ToGcj02({ lat: 39.9087, lng: 116.3975 });
    expect(haversineMeters(gcj, { lat: 39.91010, lng: 116.40374 })).toBeLessThan(5);
  });

  test('when converting a point in Hai\'an, then it moves by a few hundred metres', () => {
    const wgs = { lat: 32.5368, lng: 120.4592 };
    const shift = haversineMeters(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  test('when converting there and back, then the point returns to within a metre', () => {
    const gcj = { lat: 32.539498, lng: 120.4592 };
    expect(haversineMeters(gcj, wgs84ToGcj02(gcj02ToWgs84(gcj)))).toBeLessThan(1);
  });

  test('when the point is outside China, then both systems agree', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
  });
});
