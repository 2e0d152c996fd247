import type { LatLng, NearbyStation, StationSummary } from '@citycare/shared';
import { queryKeys, stations, useQuery, type QueryState } from '../api';
import type { LocationState } from './useResidentLocation';

export type DirectoryStation = StationSummary & { distanceM?: number };

export interface StationDirectory {
  /** Nearest first when located; every station by name otherwise. */
  state: QueryState<{ items: DirectoryStation[]; at: LatLng | null; searchedRadiusM?: number }>;
  refresh: () => Promise<boolean>;
}

const NEAREST_LIMIT = 20;

/** The stations for wherever the resident is (or all of them when we do not know). */
export function useStationDirectory(location: LocationState): StationDirectory {
  const at = location.phase === 'located' ? location.at : null;
  const key = location.phase === 'locating' ? null : at ? queryKeys.stations.nearest(at) : queryKeys.stations.list();
  return useQuery(key, async () => {
    if (at) {
      const res = await stations.nearest(at, NEAREST_LIMIT);
      return { items: res.items as NearbyStation[] as DirectoryStation[], at, searchedRadiusM: res.searchedRadiusM };
    }
    const res = await stations.list();
    return { items: res.items as DirectoryStation[], at: null };
  });
}

/** Stations whose name, community or address contains the search text. */
export function searchStations<T extends StationSummary>(items: T[], text: string): T[] {
  const q = text.trim();
  if (!q) return items;
  return items.filter((s) => s.name.includes(q) || s.community.includes(q) || s.address.includes(q));
}
