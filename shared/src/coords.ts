// WGS84 (GPS, Open311, international maps) <-> GCJ-02 (what WeChat and Chinese
// maps return, and what we store). The offset is an obfuscation defined by a
// published algorithm; we use the maintained `gcoord` library rather than
// copying its formulas. Outside China both systems coincide.
import gcoord from 'gcoord';
import type { LatLng } from './geo';

export type CoordSystem = 'gcj02' | 'wgs84';
export const COORD_SYSTEMS = ['gcj02', 'wgs84'] as const satisfies readonly CoordSystem[];

export function wgs84ToGcj02(p: LatLng): LatLng {
  const [lng, lat] = gcoord.transform<[number, number]>([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

/** The inverse is iterative in gcoord (to about 1e-6°, i.e. 0.1 m). */
export function gcj02ToWgs84(p: LatLng): LatLng {
  const [lng, lat] = gcoord.transform<[number, number]>([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84);
  return { lat, lng };
}

/** A point given in `system`, as the GCJ-02 point we store. */
export function toStoredCoords(p: LatLng, system: CoordSystem): LatLng {
  return system === 'wgs84' ? wgs84ToGcj02(p) : p;
}
