import type { ZoneView } from '@citycare/shared';
import type { ZoneDoc } from './zone.model';

export function toZoneView(doc: ZoneDoc, distanceM?: number): ZoneView {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    lat: doc.lat,
    lng: doc.lng,
    address: doc.address,
    hours: doc.hours,
    stallCount: doc.stallCount,
    rules: doc.rules,
    stationId: doc.stationId.toHexString(),
    ...(distanceM === undefined ? {} : { distanceM }),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
