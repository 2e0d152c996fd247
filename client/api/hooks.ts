import { useCallback, useEffect, useRef, useState } from 'react';
import { cachedAnswer, keepAnswer, keyId, watchKey } from './cache';
import { isApiError } from './error';
import type { QueryKey } from './keys';

// Request hooks (ADR 0005): one for a single answer, one for a cursor-paged list. Both show a
// cached answer at once and refresh it, keep the last good data when a refresh fails, and
// reload when a write invalidates their key.

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T; refreshing: boolean; refreshError?: unknown };

export interface Query<T> {
  state: QueryState<T>;
  /** Loads again; resolves when done (for pull-to-refresh), false when the load failed. */
  refresh: () => Promise<boolean>;
  /** Shows what a write answered (the case after rating it) at once, as the newest answer. */
  show: (data: T) => void;
}

/** Reads one answer for `key`; `key` null waits (a needed input is not known yet). */
export function useQuery<T>(key: QueryKey | null, fetcher: () => Promise<T>): Query<T> {
  const id = key ? keyId(key) : null;
  const initial = (): QueryState<T> => {
    const cached = key ? cachedAnswer<T>(key) : undefined;
    return cached === undefined ? { status: 'loading' } : { status: 'success', data: cached, refreshing: true };
  };
  const [state, setState] = useState<QueryState<T>>(initial);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const run = useRef(0);

  const load = useCallback(async (): Promise<boolean> => {
    if (!key) return true;
    const mine = ++run.current;
    setState((prev) => (prev.status === 'success' ? { ...prev, refreshing: true, refreshError: undefined } : { status: 'loading' }));
    try {
      const data = await fetcherRef.current();
      // An older load (one that started before a write's answer was shown) keeps nothing, not even in the cache.
      if (run.current === mine) {
        keepAnswer(key, data);
        setState({ status: 'success', data, refreshing: false });
      }
      return true;
    } catch (error) {
      if (run.current !== mine) return true; // a newer load speaks for the page
      setState((prev) => (prev.status === 'success' ? { ...prev, refreshing: false, refreshError: error } : { status: 'error', error }));
      return false;
    }
    // id stands for key: the effect below re-runs when the key's content changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const show = useCallback((data: T) => {
    if (!key) return;
    ++run.current; // a load that started before the write must not bring back the older data
    keepAnswer(key, data);
    setState({ status: 'success', data, refreshing: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  useEffect(() => {
    if (!key) return undefined;
    setState(initial());
    void load();
    return watchKey(key, () => void load());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, load]);

  return { state, refresh: load, show };
}

export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

export interface CursorListState<T> {
  status: 'loading' | 'error' | 'ready';
  items: T[];
  error?: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** Loading the next page failed; loadMore tries again. */
  moreError?: unknown;
  refreshing: boolean;
  /** Loading the first page again failed (the items shown are the older ones); refresh tries again. */
  refreshError?: unknown;
}

export interface CursorList<T> {
  state: CursorListState<T>;
  /** Loads the first page again; resolves false when that failed. */
  refresh: () => Promise<boolean>;
  loadMore: () => Promise<void>;
}

const EMPTY = { items: [], hasMore: false, loadingMore: false, refreshing: false };

/** A list read page by page with the server's cursors (infinite scroll, pull-to-refresh). */
export function useCursorList<T extends { id: string }>(
  key: QueryKey | null,
  fetchPage: (cursor?: string) => Promise<CursorPage<T>>,
): CursorList<T> {
  const id = key ? keyId(key) : null;
  const initial = (): CursorListState<T> => {
    const cached = key ? cachedAnswer<CursorPage<T>>(key) : undefined;
    return cached ? { ...EMPTY, status: 'ready', items: cached.items, hasMore: cached.next !== null } : { ...EMPTY, status: 'loading' };
  };
  const [state, setState] = useState<CursorListState<T>>(initial);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const next = useRef<string | null>(null);
  const run = useRef(0);
  const busyMore = useRef(false);

  const refresh = useCallback(async (): Promise<boolean> => {
    if (!key) return true;
    const mine = ++run.current;
    setState((prev) => (prev.status === 'ready' ? { ...prev, refreshing: true, refreshError: undefined } : { ...EMPTY, status: 'loading' }));
    try {
      const page = await fetchRef.current(undefined);
      // An older load keeps nothing, not even in the cache (as useQuery's load).
      if (run.current !== mine) return true;
      keepAnswer(key, page);
      next.current = page.next;
      setState({ ...EMPTY, status: 'ready', items: page.items, hasMore: page.next !== null });
      return true;
    } catch (error) {
      if (run.current !== mine) return true; // a newer load speaks for the list
      setState((prev) => (prev.status === 'ready' ? { ...prev, refreshing: false, refreshError: error } : { ...EMPTY, status: 'error', error }));
      return false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const loadMore = useCallback(async () => {
    const cursor = next.current;
    if (!cursor || busyMore.current) return;
    busyMore.current = true;
    const mine = run.current;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: undefined }));
    try {
      const page = await fetchRef.current(cursor);
      if (run.current !== mine) return;
      next.current = page.next;
      setState((prev) => {
        const seen = new Set(prev.items.map((item) => item.id));
        const items = [...prev.items, ...page.items.filter((item) => !seen.has(item.id))];
        return { ...prev, items, hasMore: page.next !== null, loadingMore: false };
      });
    } catch (error) {
      if (run.current === mine) setState((prev) => ({ ...prev, loadingMore: false, moreError: error }));
    } finally {
      busyMore.current = false;
    }
  }, []);

  useEffect(() => {
    if (!key) return undefined;
    // A new key (another queue tab or filter) is another list: drop the old key's items and
    // cursor, so scrolling before the first page arrives cannot fetch the old list's next page
    // (refresh's new run discards an old page still on its way).
    next.current = null;
    setState(initial());
    void refresh();
    return watchKey(key, () => void refresh());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, refresh]);

  return { state, refresh, loadMore };
}

/** True when the failure means "sign in first" (pages then offer the sign-in button). */
export function needsSignIn(error: unknown): boolean {
  return isApiError(error) && error.needsSignIn;
}
