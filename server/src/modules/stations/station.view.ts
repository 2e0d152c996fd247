import type { AdminStation, StationDetail, StationSummary } from '@citycare/shared';
import type { SignPhotos } from '../media/photo-urls';
import { isActiveStation, stationKind, type StationDoc } from './station.model';

/** The fields a list needs; detail adds officers. */
export const SUMMARY_FIELDS = 'name kind community address lat lng phone openingHours demo active';

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

/** The wall of officers on duty (上墙挂牌): an uploaded photo gets a signed URL. */
function officersOf(doc: StationDoc, sign: SignPhotos) {
  return doc.officers.map((o) => ({
    name: o.name,
    role: o.role,
    photoUrl: o.photoId ? sign([o.photoId])[0].url : (o.photoUrl ?? null),
    duties: o.duties,
    photoId: o.photoId ? o.photoId.toHexString() : null,
  }));
}

export function toStationDetail(doc: StationDoc, sign: SignPhotos): StationDetail {
  return { ...toStationSummary(doc), officers: officersOf(doc, sign).map(({ photoId: _id, ...o }) => o) };
}

/** A station as the bureau manages it: kind, city, whether active, and the photo ids on its wall. */
export function toAdminStation(doc: StationDoc, sign: SignPhotos): AdminStation {
  return { ...toStationSummary(doc), kind: stationKind(doc), city: doc.city, active: isActiveStation(doc), officers: officersOf(doc, sign) };
}
