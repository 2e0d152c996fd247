// Response shapes of the stations endpoints.

/** An officer on duty at a station (上墙挂牌: name, role, photo and duties on the wall). */
export interface OfficerOnDuty {
  name: string;
  /** e.g. 带队人员 / 城管队员 */
  role: string;
  photoUrl: string | null;
  duties: string[];
}

export interface StationSummary {
  id: string;
  name: string;
  community: string;
  address: string;
  /** GCJ-02 */
  lat: number;
  lng: number;
  phone: string;
  openingHours: string;
  demo: boolean;
}

export interface NearbyStation extends StationSummary {
  /** Metres from the point asked about. */
  distanceM: number;
}

export interface StationDetail extends StationSummary {
  officers: OfficerOnDuty[];
}

export interface NearestStationsResponse {
  items: NearbyStation[];
  /** How far the search reached, in metres. */
  searchedRadiusM: number;
}

export interface StationListResponse {
  items: StationSummary[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  uptimeS: number;
  version: string;
}
