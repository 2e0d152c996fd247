import type { StationDetail } from '@citycare/shared';
import { queryKeys, stations, useQuery, type QueryState } from '../api';

/** One station with its officers. */
export function useStation(id: string | undefined): { state: QueryState<StationDetail>; refresh: () => Promise<boolean> } {
  return useQuery(id ? queryKeys.stations.detail(id) : null, () => stations.get(id as string));
}
