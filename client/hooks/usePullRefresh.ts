import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pull-to-refresh on this page runs `refresh`, and the spinner stops when it settles, however it ends. */
export function usePullRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()));
}
