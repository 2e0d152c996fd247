import { useCallback, useEffect, useState } from 'react';
import type { StationDetail } from '@citycare/shared';
import { isApiError, messageOf, stations } from '../api';

export type StationState =
  | { phase: 'loading' }
  | { phase: 'ready'; station: StationDetail }
  | { phase: 'not_found' }
  | { phase: 'error'; message: string };

/** Loads one station with its officers; a missing id counts as not found. */
export function useStation(id: string | undefined): { state: StationState; reload: () => Promise<void> } {
  const [state, setState] = useState<StationState>({ phase: 'loading' });

  const reload = useCallback(async () => {
    if (!id) {
      setState({ phase: 'not_found' });
      return;
    }
    setState({ phase: 'loading' });
    try {
      setState({ phase: 'ready', station: await stations.get(id) });
    } catch (error) {
      setState(isApiError(error) && error.isNotFound ? { phase: 'not_found' } : { phase: 'error', message: messageOf(error) });
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
