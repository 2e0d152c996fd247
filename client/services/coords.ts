import type { LatLng } from '@citycare/shared';

// China's map services and WeChat use GCJ-02; a browser's Geolocation API returns WGS-84.
// Inside China the two differ by a few hundred metres, enough to pick the wrong "nearest"
// station, so the H5 build converts before asking the API. This is the widely published
// public transform (Krasovsky 1940 ellipsoid); outside China both systems coincide.

const A = 6378245.0;
const EE = 0.006693421622965943;

function isOutsideChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 (GPS, browsers) → GCJ-02 (WeChat, Chinese maps, our stations). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (isOutsideChina(p)) return { ...p };
  const radLat = (p.lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** GCJ-02 → WGS-84 by fixed-point iteration; converges to well under a metre. */
export function gcj02ToWgs84(p: LatLng): LatLng {
  let guess: LatLng = { ...p };
  for (let i = 0; i < 10; i += 1) {
    const back = wgs84ToGcj02(guess);
    guess = { lat: guess.lat + (p.lat - back.lat), lng: guess.lng + (p.lng - back.lng) };
  }
  return guess;
}
