import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatLng } from '@citycare/shared';
import { locateResident, type LocationFailure } from '../services/location';
import { appActions } from '../store/app-store';

export type LocationState =
  | { phase: 'locating' }
  | { phase: 'located'; at: LatLng }
  | { phase: 'failed'; reason: LocationFailure };

/** Locates the resident once on mount (and on relocate), remembering the last position in the store. */
export function useResidentLocation(): { location: LocationState; relocate: () => Promise<void> } {
  const [location, setLocation] = useState<LocationState>({ phase: 'locating' });
  const run = useRef(0);
  const relocate = useCallback(async () => {
    const mine = ++run.current;
    setLocation({ phase: 'locating' });
    const result = await locateResident();
    if (run.current !== mine) return;
    if (result.ok) appActions.rememberLocation(result.at);
    setLocation(result.ok ? { phase: 'located', at: result.at } : { phase: 'failed', reason: result.reason });
  }, []);
  useEffect(() => {
    void relocate();
  }, [relocate]);
  return { location, relocate };
}
