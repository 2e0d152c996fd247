import type { LatLng, ZoneList, ZoneView } from '@citycare/shared';
import { request } from './request';

/** Temporary stall zones (临时摊位区), public. */
export const zones = {
  near(at: LatLng, radiusM: number, limit?: number): Promise<ZoneList> {
    return request('/api/zones', { query: { lat: at.lat, lng: at.lng, radiusM, limit } });
  },
  ofStation(stationId: string): Promise<ZoneList> {
    return request('/api/zones', { query: { stationId } });
  },
  get(id: string): Promise<ZoneView> {
    return request(`/api/zones/${encodeURIComponent(id)}`);
  },
};
