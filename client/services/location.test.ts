import { locationFailureReason } from './location';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

describe('locationFailureReason', () => {
  test.each([
    ['getLocation:fail auth deny', 'denied'],
    ['getLocation:fail auth denied', 'denied'],
    ['getLocation:fail:auth denied', 'denied'],
    ['User denied Geolocation', 'denied'],
    ['getLocation:fail system permission denied', 'unavailable'],
    ['getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF', 'unavailable'],
    ['getLocation:fail timeout', 'unavailable'],
    ['This coordinate system type is not temporarily supported', 'unavailable'],
  ])('when getLocation fails with "%s", then the reason is %s', (errMsg, reason) => {
    expect(locationFailureReason({ errMsg })).toBe(reason);
  });

  test('when our own timeout fires, then the reason is unavailable', () => {
    expect(locationFailureReason(new Error('getLocation timeout'))).toBe('unavailable');
  });
});
