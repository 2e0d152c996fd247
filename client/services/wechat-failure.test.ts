// Reading WeChat's failures.
import { errMsgOf, isCancelled } from './wechat-failure';

describe('WeChat failures', () => {
  test.each([
    [{ errMsg: 'scanCode:fail cancel' }, true],
    [{ errMsg: 'makePhoneCall:fail cancel' }, true],
    [{ errMsg: 'openLocation:fail auth deny' }, false],
    [new Error('getLocation timeout'), false],
    [null, false],
  ])('when WeChat answers %j, then cancelled is %s', (failure, cancelled) => {
    expect(isCancelled(failure)).toBe(cancelled);
  });

  test('when the failure is an Error or a string, then its text is read too', () => {
    expect(errMsgOf(new Error('getLocation timeout'))).toBe('getLocation timeout');
    expect(errMsgOf('chooseImage:fail')).toBe('chooseImage:fail');
    expect(errMsgOf(undefined)).toBe('');
  });
});
