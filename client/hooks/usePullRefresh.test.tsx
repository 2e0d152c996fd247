// Pull-to-refresh: the spinner always stops, and a failed refresh is told, not hidden.
import { renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { REFRESH_FAILED, usePullRefresh } from './usePullRefresh';

jest.mock('@tarojs/taro', () => {
  const handlers: Array<() => void> = [];
  return {
    __esModule: true,
    default: { showToast: jest.fn(async () => undefined), stopPullDownRefresh: jest.fn(), handlers },
    usePullDownRefresh: (handler: () => void) => void handlers.push(handler),
  };
});

const taro = Taro as unknown as { showToast: jest.Mock; stopPullDownRefresh: jest.Mock; handlers: Array<() => void> };

/** Mounts a page with `refresh`, pulls once, and waits until the spinner stops. */
async function pull(...refreshes: Array<() => Promise<boolean | void>>): Promise<void> {
  taro.handlers.length = 0;
  renderHook(() => usePullRefresh(...refreshes));
  const stopped = new Promise<void>((resolve) => taro.stopPullDownRefresh.mockImplementationOnce(() => resolve()));
  taro.handlers[taro.handlers.length - 1]();
  await stopped;
}

beforeEach(() => jest.clearAllMocks());

describe('usePullRefresh', () => {
  test('when the refresh fails (resolves false), then the spinner stops and a toast says so', async () => {
    await pull(async () => false);
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    expect(taro.showToast).toHaveBeenCalledWith({ title: REFRESH_FAILED, icon: 'none' });
  });

  test.each([
    ['loaded', async () => true],
    ['says nothing (relocating)', async () => undefined],
  ])('when the refresh %s, then the spinner stops and no toast shows', async (_kind, refresh) => {
    await pull(refresh);
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  test('when a page pulls two things and one of them fails, then both ran and the toast says so', async () => {
    const list = jest.fn(async () => true);
    const count = jest.fn(async () => false);
    await pull(list, count);
    expect([list, count].map((r) => r.mock.calls.length)).toEqual([1, 1]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: REFRESH_FAILED, icon: 'none' });
  });
});
