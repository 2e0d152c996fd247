/** A temporary stall zone (临时摊位区) on the map. */
export interface ZoneView {
  id: string;
  name: string;
  /** GCJ-02 */
  lat: number;
  lng: number;
  address: string;
  hours: string;
  stallCount: number;
  rules: string;
  stationId: string;
  /** Metres from the point asked about, when one was given. */
  distanceM?: number;
  updatedAt: string;
}

export interface ZoneList {
  items: ZoneView[];
}
