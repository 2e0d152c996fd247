import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** What a resident reads when a pull-to-refresh fails; the page keeps what it showed. */
export const REFRESH_FAILED = '刷新失败，请检查网络后重试';

/**
 * Pull-to-refresh on this page runs every one of `refreshes` (what the page shows), and the spinner
 * stops when they settle, however they end. A refresh that resolves false (useQuery's and useCursorList's, when the load failed) is
 * told in a toast: the page still shows the older data, so the failure would go unseen.
 */
export function usePullRefresh(...refreshes: Array<() => Promise<boolean | void>>): void {
  usePullDownRefresh(() => {
    void Promise.all(refreshes.map((refresh) => refresh()))
      .then((results) => {
        if (results.includes(false)) void Taro.showToast({ title: REFRESH_FAILED, icon: 'none' });
      })
      .finally(() => Taro.stopPullDownRefresh());
  });
}
