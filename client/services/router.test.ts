// Opening pages by route name: a double tap stacks a page once.
import Taro from '@tarojs/taro';
import { DOUBLE_TAP_MS, go } from './router';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { navigateTo: jest.fn(async () => undefined), redirectTo: jest.fn(async () => undefined), switchTab: jest.fn(async () => undefined) },
}));

const navigateTo = Taro.navigateTo as jest.Mock;

beforeEach(() => {
  jest.useFakeTimers();
  navigateTo.mockClear();
});
afterEach(() => jest.useRealTimers());

describe('go', () => {
  test('when the same notice is tapped twice while it opens, then its page is stacked once', async () => {
    await Promise.all([go('noticeDetail', { id: 'n1' }), go('noticeDetail', { id: 'n1' })]);
    await go('noticeDetail', { id: 'n1' }); // just after it opened: still the same tap
    expect(navigateTo).toHaveBeenCalledTimes(1);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/detail/index?id=n1' });
  });

  test('when another page is asked for meanwhile, then it opens', async () => {
    await Promise.all([go('noticeDetail', { id: 'n2' }), go('noticeDetail', { id: 'n3' })]);
    expect(navigateTo).toHaveBeenCalledTimes(2);
  });

  test('when the same link is tapped again after the page settled (the user came back), then it opens again', async () => {
    await go('noticeDetail', { id: 'n4' });
    jest.advanceTimersByTime(DOUBLE_TAP_MS);
    await go('noticeDetail', { id: 'n4' });
    expect(navigateTo).toHaveBeenCalledTimes(2);
  });

  test('when a navigation never settles, then the same link opens again once DOUBLE_TAP_MS has passed', async () => {
    navigateTo.mockImplementationOnce(() => new Promise(() => undefined));
    void go('noticeDetail', { id: 'n5' });
    jest.advanceTimersByTime(DOUBLE_TAP_MS);
    await go('noticeDetail', { id: 'n5' });
    expect(navigateTo).toHaveBeenCalledTimes(2);
  });
});
