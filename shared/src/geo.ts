// Geo helpers on GCJ-02 lat/lng numbers (what WeChat returns). FerretDB has no
// geo indexes, so the server queries a bounding box with $gte/$lte and then
// sorts by haversine distance in the app (docs/design.md, "Data rules").

export interface LatLng {
  lat: number;
  lng: number;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8;

const toRad = (deg: number): number => (deg * Math.PI) / 180;
const toDeg = (rad: number): number => (rad * 180) / Math.PI;

export function isValidLat(lat: number): boolean {
  return Number.isFinite(lat) && lat >= -90 && lat <= 90;
}

export function isValidLng(lng: number): boolean {
  return Number.isFinite(lng) && lng >= -180 && lng <= 180;
}

/** Great-circle distance in metres. */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest lat/lng box containing every point within `radiusM` of `center`.
 * Longitude span widens towards the poles; near a pole or for a radius that
 * wraps the antimeridian the box degrades to the full longitude range, which
 * is correct (if wide) rather than missing points.
 */
export function boundingBox(center: LatLng, radiusM: number): BoundingBox {
  const dLat = toDeg(radiusM / EARTH_RADIUS_M);
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  const cosLat = Math.cos(toRad(center.lat));
  const dLng = cosLat > 1e-9 ? toDeg(radiusM / (EARTH_RADIUS_M * cosLat)) : 180;
  if (minLat === -90 || maxLat === 90 || dLng >= 180) {
    return { minLat, maxLat, minLng: -180, maxLng: 180 };
  }
  let minLng = center.lng - dLng;
  let maxLng = center.lng + dLng;
  if (minLng < -180 || maxLng > 180) {
    minLng = -180;
    maxLng = 180;
  }
  return { minLat, maxLat, minLng, maxLng };
}

export function isInBox(p: LatLng, box: BoundingBox): boolean {
  return p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng;
}

/** Rounds a point to a grid of about `cellM` metres, for public views of a location. */
/** Where the public may see a case: on a grid of about 100 m (Open311, followers, nearby hints). */
export const PUBLIC_GRID_M = 100;

export function roundToGrid(p: LatLng, cellM = 100): LatLng {
  const step = toDeg(cellM / EARTH_RADIUS_M);
  const round = (v: number): number => Number((Math.round(v / step) * step).toFixed(6));
  return { lat: round(p.lat), lng: round(p.lng) };
}

/** A distance for people: "850 米" below a kilometre, "1.2 公里" above. */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)} 米`;
  return `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} 公里`;
}

/**
 * Ray casting: is `p` inside the polygon `ring` (vertices in order, not closed)?
 * Small areas only (a community), where treating lat/lng as planar is exact enough.
 */
export function isInPolygon(p: LatLng, ring: LatLng[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    const crosses = a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** The bounding box of a polygon, for a $gte/$lte pre-filter. */
export function polygonBox(ring: LatLng[]): BoundingBox {
  return {
    minLat: Math.min(...ring.map((p) => p.lat)),
    maxLat: Math.max(...ring.map((p) => p.lat)),
    minLng: Math.min(...ring.map((p) => p.lng)),
    maxLng: Math.max(...ring.map((p) => p.lng)),
  };
}
