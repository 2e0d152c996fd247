import type {
  LatLng,
  NearestStationsResponse,
  PublicStationFigures,
  StationDetail,
  StationListResponse,
} from '@citycare/shared';
import { request } from './request';

/** Typed endpoints of /api/stations. */
export const stations = {
  /** Stations nearest to a point, closest first, each with `distanceM`. */
  nearest(at: LatLng, limit?: number): Promise<NearestStationsResponse> {
    return request('/api/stations/nearest', { query: { lat: at.lat, lng: at.lng, limit } });
  },

  /** Every station: the fallback when the resident shares no location. */
  list(limit?: number): Promise<StationListResponse> {
    return request('/api/stations', { query: { limit } });
  },

  /** A station's last 30 days for residents: counts, and rates once enough cases stand behind them. */
  record(id: string): Promise<PublicStationFigures> {
    return request(`/api/figures/stations/${encodeURIComponent(id)}`);
  },

  /** One station with its officers on duty; rejects with a 404 ApiError when unknown. */
  get(id: string): Promise<StationDetail> {
    return request(`/api/stations/${encodeURIComponent(id)}`);
  },
};
