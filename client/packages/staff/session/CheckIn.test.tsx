// 签到 at a session: a failed scan is told as an error (not as a check-in), and the scanner
// stays shut while a check-in is on its way.
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../../api/error';
import { staffEvents } from '../../../api/staff';
import { typeInto } from '../../../test-support/fields';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { scanCode: jest.fn() } }));
jest.mock('../../../api/staff', () => ({ staffEvents: { checkIn: jest.fn() } }));

const scanCode = Taro.scanCode as jest.Mock;
const checkIn = staffEvents.checkIn as jest.Mock;

// 扫码签到 is offered on weapp only; the component reads TARO_ENV when it loads.
let CheckIn: typeof import('./CheckIn').default;
beforeAll(() => {
  process.env.TARO_ENV = 'weapp';
  CheckIn = jest.requireActual('./CheckIn').default;
});
afterAll(() => delete process.env.TARO_ENV);
beforeEach(() => jest.clearAllMocks());

const message = () => screen.getByTestId('checkin-message');

describe('CheckIn', () => {
  test('when the scanner fails, then an error says so and a typed check-in clears it', async () => {
    scanCode.mockRejectedValue({ errMsg: 'scanCode:fail camera' });
    render(<CheckIn sessionId="s1" />);
    await act(async () => fireEvent.click(screen.getByTestId('checkin-scan')));
    expect(message().textContent).toBe('扫码失败，请改为输入预约码');
    expect(message().className).toContain('message--error');

    checkIn.mockResolvedValue({ attendee: { name: '王阿姨', partySize: 2 } });
    typeInto('checkin-code', 'AB12CD34');
    await act(async () => fireEvent.click(screen.getByTestId('checkin-submit')));
    expect(message().textContent).toBe('王阿姨 已签到（2 人）');
    expect(message().className).toContain('message--done');
  });

  test('when a check-in failed and then a scan fails, then the scan failure is what shows', async () => {
    checkIn.mockRejectedValue(ApiError.client('TIMEOUT'));
    render(<CheckIn sessionId="s1" />);
    typeInto('checkin-code', 'AB12CD34');
    await act(async () => fireEvent.click(screen.getByTestId('checkin-submit')));
    expect(message().textContent).toBe('网络请求超时，请稍后重试');

    scanCode.mockRejectedValue({ errMsg: 'scanCode:fail' });
    await act(async () => fireEvent.click(screen.getByTestId('checkin-scan')));
    expect(message().textContent).toBe('扫码失败，请改为输入预约码');
  });

  test('when the resident closes the scanner, then nothing is told', async () => {
    scanCode.mockRejectedValue({ errMsg: 'scanCode:fail cancel' });
    render(<CheckIn sessionId="s1" />);
    await act(async () => fireEvent.click(screen.getByTestId('checkin-scan')));
    expect(screen.queryByTestId('checkin-message')).toBeNull();
  });

  test('when a check-in is on its way, then 扫码签到 cannot be tapped', async () => {
    checkIn.mockReturnValue(new Promise(() => undefined));
    render(<CheckIn sessionId="s1" />);
    typeInto('checkin-code', 'AB12CD34');
    await act(async () => fireEvent.click(screen.getByTestId('checkin-submit')));
    fireEvent.click(screen.getByTestId('checkin-scan'));
    expect(scanCode).not.toHaveBeenCalled();
    expect(screen.getByTestId('checkin-scan').getAttribute('aria-disabled')).toBe('true');
  });
});
