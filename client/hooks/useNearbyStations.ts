import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatLng, NearbyStation, StationSummary } from '@citycare/shared';
import { messageOf, stations } from '../api';
import { locateResident, type LocationFailure } from '../services/location';

/** What the home page shows; one phase at a time. */
export type NearbyState =
  | { phase: 'locating' }
  | { phase: 'loading' }
  | { phase: 'nearby'; at: LatLng; items: NearbyStation[]; searchedRadiusM: number }
  /** No position, so every station, in the API's order. */
  | { phase: 'fallback'; reason: LocationFailure; items: StationSummary[] }
  | { phase: 'error'; message: string };

const NEAREST_LIMIT = 10;

/** Locate the resident, then load the nearest stations, or all of them when we cannot. */
export function useNearbyStations(): { state: NearbyState; reload: () => Promise<void> } {
  const [state, setState] = useState<NearbyState>({ phase: 'locating' });
  // Only the latest reload may write state; an older one finishing late is ignored.
  const run = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++run.current;
    const set = (next: NearbyState): void => {
      if (run.current === mine) setState(next);
    };
    set({ phase: 'locating' });
    const located = await locateResident();
    set({ phase: 'loading' });
    try {
      if (located.ok) {
        const res = await stations.nearest(located.at, NEAREST_LIMIT);
        set({ phase: 'nearby', at: located.at, items: res.items, searchedRadiusM: res.searchedRadiusM });
      } else {
        const res = await stations.list();
        set({ phase: 'fallback', reason: located.reason, items: res.items });
      }
    } catch (error) {
      set({ phase: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
