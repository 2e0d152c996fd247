import type { StationDetail, StationSummary } from '@citycare/shared';
import type { StationDoc } from './station.model';

/** The fields a list needs; detail adds officers. */
export const SUMMARY_FIELDS = 'name community address lat lng phone openingHours demo';

export function toStationSummary(doc: Omit<StationDoc, 'officers' | 'city'>): StationSummary {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    community: doc.community,
    address: doc.address,
    lat: doc.lat,
    lng: doc.lng,
    phone: doc.phone,
    openingHours: doc.openingHours,
    demo: doc.demo,
  };
}

export function toStationDetail(doc: StationDoc): StationDetail {
  return {
    ...toStationSummary(doc),
    officers: doc.officers.map(({ name, role, photoUrl, duties }) => ({ name, role, photoUrl: photoUrl ?? null, duties })),
  };
}
