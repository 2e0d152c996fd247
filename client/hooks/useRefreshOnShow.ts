import { useDidShow } from '@tarojs/taro';
import { currentSession } from '../api/session';
import { useRef } from 'react';

/** Data older than this is loaded again when its page shows. */
export const STALE_AFTER_MS = 30_000;

/**
 * Tab pages stay mounted while the resident opens a case and comes back, so what they show
 * can be old (a case accepted or resolved meanwhile). When the page shows again and its data
 * was loaded more than STALE_AFTER_MS ago, each of `refreshes` runs. A write that invalidates the data
 * reloads it already (api/cache.ts); this covers changes made by others.
 */
export function useRefreshOnShow(...refreshes: Array<() => Promise<unknown>>): void {
  // The page's own first load starts when it mounts (api/hooks.ts); later ones are counted from
  // when this hook ran them (a pull-down in between only makes one extra, harmless load).
  const loadedAt = useRef(Date.now());
  useDidShow(() => {
    // Signed out: a reload would sign in again on its own (weapp); the page waits to be asked.
    if (!currentSession() || Date.now() - loadedAt.current <= STALE_AFTER_MS) return;
    loadedAt.current = Date.now();
    for (const refresh of refreshes) void refresh();
  });
}
