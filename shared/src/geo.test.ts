import { boundingBox, formatDistance, haversineMeters, isInBox, isInPolygon, isValidLat, isValidLng, roundToGrid } from './geo';

describe('haversineMeters', () => {
  it('when two points are the same, then the distance is 0', () => {
    expect(haversineMeters({ lat: 32.53, lng: 120.46 }, { lat: 32.53, lng: 120.46 })).toBe(0);
  });

  it('when one degree of latitude apart, then about 111.2 km', () => {
    expect(haversineMeters({ lat: 32, lng: 120 }, { lat: 33, lng: 120 })).toBeCloseTo(111_195, -1);
  });

  it('when Hai\'an to Nanjing, then about 165 km, as the crow flies', () => {
    const d = haversineMeters({ lat: 32.5355, lng: 120.4591 }, { lat: 32.0603, lng: 118.7969 });
    expect(d).toBeGreaterThan(160_000);
    expect(d).toBeLessThan(170_000);
  });

  it('when antipodal points, then half the circumference without NaN', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('boundingBox', () => {
  const center = { lat: 32.53, lng: 120.46 };

  it('when points lie on the radius in any direction, then the box contains them', () => {
    const box = boundingBox(center, 5000);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      // a point just inside 5 km along this bearing
      const dLat = ((4999 * Math.cos(rad)) / 6_371_008.8) * (180 / Math.PI);
      const dLng = ((4999 * Math.sin(rad)) / (6_371_008.8 * Math.cos((center.lat * Math.PI) / 180))) * (180 / Math.PI);
      const p = { lat: center.lat + dLat, lng: center.lng + dLng };
      expect(haversineMeters(center, p)).toBeLessThan(5001);
      expect(isInBox(p, box)).toBe(true);
    }
  });

  it('when a point is farther than the radius on an axis, then it is outside', () => {
    const box = boundingBox(center, 1000);
    expect(isInBox({ lat: center.lat + 0.02, lng: center.lng }, box)).toBe(false);
  });

  it('when near a pole or wrapping the antimeridian, then longitude spans everything', () => {
    expect(boundingBox({ lat: 89.99, lng: 0 }, 5000)).toMatchObject({ minLng: -180, maxLng: 180, maxLat: 90 });
    expect(boundingBox({ lat: 10, lng: 179.99 }, 5000)).toMatchObject({ minLng: -180, maxLng: 180 });
  });
});

describe('validation helpers', () => {
  it.each([
    [32.5, true],
    [90, true],
    [-90, true],
    [90.0001, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('isValidLat(%p) is %p', (lat, ok) => expect(isValidLat(lat)).toBe(ok));

  it.each([
    [120.46, true],
    [-180, true],
    [180.1, false],
  ])('isValidLng(%p) is %p', (lng, ok) => expect(isValidLng(lng)).toBe(ok));
});

describe('roundToGrid', () => {
  it('when rounding to 100 m, then the point moves by at most ~71 m (half a diagonal)', () => {
    const p = { lat: 32.536812, lng: 120.459237 };
    const r = roundToGrid(p, 100);
    expect(haversineMeters(p, r)).toBeLessThan(75);
    expect(r).not.toEqual(p);
  });
});

describe('formatDistance', () => {
  it.each([
    [0, '0 米'],
    [364.4, '364 米'],
    [999.4, '999 米'],
    [1010, '1.0 公里'],
    [12_345, '12 公里'],
  ])('%p m reads %p', (m, text) => expect(formatDistance(m)).toBe(text));
});

describe('isInPolygon', () => {
  const square = [
    { lat: 32.53, lng: 120.45 },
    { lat: 32.53, lng: 120.47 },
    { lat: 32.55, lng: 120.47 },
    { lat: 32.55, lng: 120.45 },
  ];
  it('when the point is inside, then true; outside, then false', () => {
    expect(isInPolygon({ lat: 32.54, lng: 120.46 }, square)).toBe(true);
    expect(isInPolygon({ lat: 32.56, lng: 120.46 }, square)).toBe(false);
    expect(isInPolygon({ lat: 32.54, lng: 120.48 }, square)).toBe(false);
  });
  it('when the polygon is concave (an L), then the notch is outside', () => {
    const l = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 2 },
      { lat: 1, lng: 2 },
      { lat: 1, lng: 1 },
      { lat: 2, lng: 1 },
      { lat: 2, lng: 0 },
    ];
    expect(isInPolygon({ lat: 1.5, lng: 0.5 }, l)).toBe(true);
    expect(isInPolygon({ lat: 1.5, lng: 1.5 }, l)).toBe(false);
  });
});
