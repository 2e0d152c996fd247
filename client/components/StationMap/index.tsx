import { Map } from '@tarojs/components';
import type { LatLng, StationSummary } from '@citycare/shared';
import './index.css';

interface Props {
  /** The resident's position, when known; otherwise the map centres on the first station. */
  center?: LatLng;
  stations: StationSummary[];
  onSelect: (stationId: string) => void;
}

/** Copied as-is into the weapp package by config `copy` (a map marker must be a file). */
const MARKER_ICON = '/assets/station-marker.png';

/**
 * The stations on WeChat's native map (weapp only: the H5 build has no map component,
 * so pages render this behind `process.env.TARO_ENV === 'weapp'`).
 */
export default function StationMap({ center, stations, onSelect }: Props) {
  const focus = center ?? (stations[0] ? { lat: stations[0].lat, lng: stations[0].lng } : undefined);
  if (!focus) return null;
  const markers = stations.map((station, index) => ({
    id: index,
    latitude: station.lat,
    longitude: station.lng,
    title: station.name,
    iconPath: MARKER_ICON,
    width: 28,
    height: 36,
  }));
  const points = stations.map((s) => ({ latitude: s.lat, longitude: s.lng }));
  return (
    <Map
      className="station-map"
      latitude={focus.lat}
      longitude={focus.lng}
      scale={14}
      markers={markers}
      includePoints={center ? [...points, { latitude: center.lat, longitude: center.lng }] : points}
      showLocation={Boolean(center)}
      onMarkerTap={(event) => {
        const station = stations[Number(event.detail.markerId)];
        if (station) onSelect(station.id);
      }}
      onError={() => {
        // The map is a convenience above the list; the list still works without it.
      }}
    />
  );
}
