// The read hooks (ADR 0005) in a real React tree: cached answers, invalidation, failures, races.
import { act, renderHook, waitFor } from '@testing-library/react';
import { clearCache, invalidate, invalidateAll } from './cache';
import { useCursorList, useQuery, type CursorPage } from './hooks';

/** A request the test answers when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => clearCache());

describe('useQuery', () => {
  test('when a key was answered before, then a new reader shows that answer at once and refreshes it', async () => {
    const first = renderHook(() => useQuery(['cases', 'mine'], async () => 'first answer'));
    await waitFor(() => expect(first.result.current.state).toMatchObject({ status: 'success', data: 'first answer' }));
    first.unmount();

    const later = deferred<string>();
    const second = renderHook(() => useQuery(['cases', 'mine'], () => later.promise));
    expect(second.result.current.state).toEqual({ status: 'success', data: 'first answer', refreshing: true });
    await act(async () => later.resolve('fresh answer'));
    expect(second.result.current.state).toEqual({ status: 'success', data: 'fresh answer', refreshing: false });
  });

  test('when a write invalidates a prefix, then mounted readers under it load again and others do not', async () => {
    const calls = { detail: 0, notices: 0 };
    const detail = renderHook(() => useQuery(['cases', 'detail', 'c1'], async () => ++calls.detail));
    const notices = renderHook(() => useQuery(['notices', 'list'], async () => ++calls.notices));
    await waitFor(() => expect(detail.result.current.state).toMatchObject({ data: 1 }));
    await waitFor(() => expect(notices.result.current.state).toMatchObject({ data: 1 }));

    await act(async () => invalidate(['cases']));
    await waitFor(() => expect(detail.result.current.state).toMatchObject({ data: 2, refreshing: false }));
    expect(calls).toEqual({ detail: 2, notices: 1 });
  });

  test('when the resident signs in (invalidateAll), then every mounted reader loads again, a page left on 登录后查看 too', async () => {
    let signedIn = false;
    const mine = renderHook(() =>
      useQuery(['cases', 'mine'], async () => {
        if (!signedIn) throw new Error('SIGN_IN_REQUIRED');
        return 'my cases';
      }),
    );
    const me = renderHook(() => useQuery(['me'], async () => (signedIn ? '居民' : '未登录')));
    await waitFor(() => expect(mine.result.current.state.status).toBe('error'));
    await waitFor(() => expect(me.result.current.state).toMatchObject({ data: '未登录' }));

    signedIn = true;
    await act(async () => invalidateAll());
    await waitFor(() => expect(mine.result.current.state).toMatchObject({ status: 'success', data: 'my cases' }));
    await waitFor(() => expect(me.result.current.state).toMatchObject({ data: '居民', refreshing: false }));
  });

  test('when a refresh fails, then the last good data stays and the failure is beside it', async () => {
    let fail = false;
    const { result } = renderHook(() =>
      useQuery(['me'], async () => {
        if (fail) throw new Error('offline');
        return 'me';
      }),
    );
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'success', data: 'me' }));
    fail = true;
    let ok = true;
    await act(async () => {
      ok = await result.current.refresh();
    });
    expect(ok).toBe(false); // pull-to-refresh tells the resident (hooks/usePullRefresh.ts)
    expect(result.current.state).toMatchObject({ status: 'success', data: 'me', refreshing: false, refreshError: new Error('offline') });
  });

  test('when the first load fails, then the state is the error, and refresh can recover', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useQuery(['me'], async () => {
        if (fail) throw new Error('offline');
        return 'me';
      }),
    );
    await waitFor(() => expect(result.current.state).toEqual({ status: 'error', error: new Error('offline') }));
    fail = false;
    await act(() => result.current.refresh());
    expect(result.current.state).toMatchObject({ status: 'success', data: 'me' });
  });

  test('when an older request answers after a newer one, then the newer answer stays', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useQuery(['cases', 'detail', 'c1'], () => answers[call++].promise));
    let second!: Promise<boolean>;
    act(() => {
      second = result.current.refresh();
    });
    await act(async () => {
      answers[1].resolve('newer');
      await second;
    });
    await act(async () => answers[0].resolve('older'));
    expect(result.current.state).toMatchObject({ status: 'success', data: 'newer' });
  });

  test('when a write answers with the new data, then it shows at once and a load started before the write does not bring the old back', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useQuery(['cases', 'detail', 'c1'], () => answers[call++].promise));
    await act(async () => answers[0].resolve('resolved'));
    let before!: Promise<boolean>;
    act(() => {
      before = result.current.refresh(); // a pull-to-refresh under way while the rating is sent
    });
    act(() => result.current.show('rated'));
    expect(result.current.state).toEqual({ status: 'success', data: 'rated', refreshing: false });
    await act(async () => {
      answers[1].resolve('resolved');
      await before;
    });
    expect(result.current.state).toMatchObject({ data: 'rated' });
  });

  test('when the key is null, then nothing is fetched until it is known', async () => {
    const fetcher = jest.fn(async () => 'nearby');
    const { result, rerender } = renderHook(({ key }: { key: readonly string[] | null }) => useQuery(key, fetcher), { initialProps: { key: null as readonly string[] | null } });
    expect(result.current.state).toEqual({ status: 'loading' });
    expect(fetcher).not.toHaveBeenCalled();
    rerender({ key: ['cases', 'nearby', 'street_vending'] });
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'success', data: 'nearby' }));
  });
});

describe('useCursorList', () => {
  type Item = { id: string };
  const page = (ids: string[], next: string | null): CursorPage<Item> => ({ items: ids.map((id) => ({ id })), next });

  test('when the next page repeats an item already shown, then it is listed once, and the end is known', async () => {
    const pages: Record<string, CursorPage<Item>> = { first: page(['a', 'b'], 'c1'), c1: page(['b', 'c'], null) };
    const { result } = renderHook(() => useCursorList(['cases', 'mine'], async (cursor) => pages[cursor ?? 'first']));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(result.current.state.hasMore).toBe(true);
    await act(() => result.current.loadMore());
    expect(result.current.state.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(result.current.state.hasMore).toBe(false);
  });

  test('when a write invalidates the list, then it starts again from the first page', async () => {
    let version = 1;
    const fetchPage = jest.fn(async (cursor?: string) => (cursor ? page(['old-2'], null) : page([`v${version}`], 'c1')));
    const { result } = renderHook(() => useCursorList(['cases', 'following'], fetchPage));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(result.current.state.items.map((i) => i.id)).toEqual(['v1', 'old-2']);

    version = 2;
    await act(async () => invalidate(['cases']));
    await waitFor(() => expect(result.current.state.items.map((i) => i.id)).toEqual(['v2']));
    expect(fetchPage).toHaveBeenLastCalledWith(undefined);
  });

  test('when an older first page answers after a newer one, then the newer stays, on screen and for the next reader', async () => {
    const answers = [deferred<CursorPage<Item>>(), deferred<CursorPage<Item>>()];
    let call = 0;
    const { result } = renderHook(() => useCursorList(['cases', 'mine'], () => answers[call++].promise));
    let second!: Promise<boolean>;
    act(() => {
      second = result.current.refresh();
    });
    await act(async () => {
      answers[1].resolve(page(['newer'], null));
      await second;
    });
    await act(async () => answers[0].resolve(page(['older'], null)));
    expect(result.current.state.items.map((i) => i.id)).toEqual(['newer']);
    const next = renderHook(() => useCursorList(['cases', 'mine'], () => new Promise<CursorPage<Item>>(() => undefined)));
    expect(next.result.current.state.items.map((i) => i.id)).toEqual(['newer']);
  });

  test('when loading more fails, then the items stay and loadMore tries the same cursor again', async () => {
    let fail = true;
    const fetchPage = jest.fn(async (cursor?: string) => {
      if (!cursor) return page(['a'], 'c1');
      if (fail) throw new Error('offline');
      return page(['b'], null);
    });
    const { result } = renderHook(() => useCursorList(['notices', 'list'], fetchPage));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(result.current.state).toMatchObject({ items: [{ id: 'a' }], loadingMore: false, moreError: new Error('offline') });
    fail = false;
    await act(() => result.current.loadMore());
    expect(result.current.state.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, 'c1', 'c1']);
  });

  test('when loading the first page again fails, then the items stay, the failure is a refresh error, and refresh (not loadMore) recovers', async () => {
    let version = 1;
    let fail = false;
    const fetchPage = jest.fn(async (cursor?: string) => {
      if (cursor) throw new Error('no next page was asked for');
      if (fail) throw new Error('offline');
      return page([`v${version}`], null);
    });
    const { result } = renderHook(() => useCursorList(['cases', 'mine'], fetchPage));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));

    fail = true;
    let ok = true;
    await act(async () => {
      ok = await result.current.refresh();
    });
    expect(ok).toBe(false);
    expect(result.current.state).toMatchObject({ status: 'ready', items: [{ id: 'v1' }], refreshing: false, refreshError: new Error('offline') });
    expect(result.current.state.moreError).toBeUndefined();

    fail = false;
    version = 2;
    await act(async () => {
      ok = await result.current.refresh();
    });
    expect(ok).toBe(true);
    expect(result.current.state.items.map((i) => i.id)).toEqual(['v2']);
    expect(result.current.state.refreshError).toBeUndefined();
  });

  test('when the key changes (another queue tab), then the old items and cursor go at once and scrolling waits for the new first page', async () => {
    const newFirst = deferred<CursorPage<Item>>();
    const fetchPage = jest.fn((tab: string, cursor?: string) =>
      tab === 'new' ? Promise.resolve(cursor ? page(['new-2'], null) : page(['new-1'], 'new-c1')) : newFirst.promise,
    );
    const { result, rerender } = renderHook(({ tab }: { tab: string }) => useCursorList(['staff', 'queue', tab], (cursor) => fetchPage(tab, cursor)), {
      initialProps: { tab: 'new' },
    });
    await waitFor(() => expect(result.current.state.status).toBe('ready'));

    rerender({ tab: 'working' });
    expect(result.current.state).toMatchObject({ status: 'loading', items: [] });
    await act(() => result.current.loadMore());
    expect(fetchPage.mock.calls).toEqual([['new', undefined], ['working', undefined]]);

    await act(async () => newFirst.resolve(page(['working-1'], null)));
    expect(result.current.state).toMatchObject({ status: 'ready', items: [{ id: 'working-1' }], hasMore: false });
  });

  test('when the key changes back to one answered before, then its cached page shows at once while it refreshes', async () => {
    const fetchPage = jest.fn(async (tab: string) => page([`${tab}-1`], null));
    const { result, rerender } = renderHook(({ tab }: { tab: string }) => useCursorList(['staff', 'queue', tab], () => fetchPage(tab)), {
      initialProps: { tab: 'new' },
    });
    await waitFor(() => expect(result.current.state.items).toEqual([{ id: 'new-1' }]));
    rerender({ tab: 'working' });
    await waitFor(() => expect(result.current.state.items).toEqual([{ id: 'working-1' }]));

    rerender({ tab: 'new' });
    expect(result.current.state).toMatchObject({ status: 'ready', items: [{ id: 'new-1' }], refreshing: true });
    await waitFor(() => expect(result.current.state.refreshing).toBe(false));
  });
});
