// Tab pages coming back into view: old data is loaded again, fresh data is left alone.
import { renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { currentSession } from '../api/session';
import { STALE_AFTER_MS, useRefreshOnShow } from './useRefreshOnShow';

jest.mock('@tarojs/taro', () => {
  const shown: Array<() => void> = [];
  return { __esModule: true, default: { shown }, useDidShow: (handler: () => void) => void shown.push(handler) };
});

jest.mock('../api/session', () => ({ currentSession: jest.fn() }));
const session = currentSession as jest.Mock;

const taro = Taro as unknown as { shown: Array<() => void> };
/** The page shows: Taro calls the handler of the latest render. */
const show = () => taro.shown[taro.shown.length - 1]();

beforeEach(() => {
  taro.shown.length = 0;
  session.mockReturnValue({ token: 't' });
  jest.useFakeTimers({ now: Date.UTC(2024, 4, 1, 8) });
});
afterEach(() => jest.useRealTimers());

describe('useRefreshOnShow', () => {
  test('when the page shows right after it loaded, then nothing is loaded again', () => {
    const refresh = jest.fn(async () => true);
    renderHook(() => useRefreshOnShow(refresh));
    show();
    jest.advanceTimersByTime(STALE_AFTER_MS);
    show();
    expect(refresh).not.toHaveBeenCalled();
  });

  test('when the page shows again after more than 30 s, then it loads again once, and not again at once', () => {
    const refresh = jest.fn(async () => true);
    renderHook(() => useRefreshOnShow(refresh));
    jest.advanceTimersByTime(STALE_AFTER_MS + 1);
    show();
    expect(refresh).toHaveBeenCalledTimes(1);
    show();
    expect(refresh).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(STALE_AFTER_MS + 1);
    show();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  test('when the page re-rendered with a new refresh, then the latest one runs', () => {
    const first = jest.fn(async () => true);
    const second = jest.fn(async () => true);
    const { rerender } = renderHook(({ refresh }) => useRefreshOnShow(refresh), { initialProps: { refresh: first } });
    rerender({ refresh: second });
    jest.advanceTimersByTime(STALE_AFTER_MS + 1);
    show();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  test('when nobody is signed in (they signed out), then showing the page loads nothing, which would sign in again on its own', () => {
    session.mockReturnValue(null);
    const refresh = jest.fn(async () => true);
    renderHook(() => useRefreshOnShow(refresh));
    jest.advanceTimersByTime(STALE_AFTER_MS + 1);
    show();
    expect(refresh).not.toHaveBeenCalled();
  });
});
