// 问题位置 on the 随手拍 page: what the resident types is kept while the position is on its way,
// and a refused permission offers the way to allow it.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { zones } from '../../api/zones';
import { emptyReportForm, type ReportForm } from '../../features/report/form';
import { locateResident, openLocationSettings, type LocateResult } from '../../services/location';
import PlaceSection from './PlaceSection';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../api/zones', () => ({ zones: { near: jest.fn() } }));
jest.mock('../../services/location', () => ({ locateResident: jest.fn(), openLocationSettings: jest.fn(), pickPlace: jest.fn() }));

const locate = locateResident as jest.Mock;
const openSettings = openLocationSettings as jest.Mock;
const here = { lat: 31.23, lng: 121.47 };

/** The next getLocation, answered when the test says so. */
function nextLocation(): (result: LocateResult) => Promise<void> {
  let answer: (result: LocateResult) => void = () => undefined;
  locate.mockImplementationOnce(() => new Promise<LocateResult>((resolve) => (answer = resolve)));
  return (result) => act(async () => answer(result));
}

let latest: ReportForm;
function Page({ start }: { start: ReportForm }) {
  const [form, setForm] = useState(start);
  latest = form;
  return <PlaceSection form={form} onPatch={(fields) => setForm((f) => ({ ...f, ...fields }))} />;
}

const typeAddress = (text: string) => fireEvent.change(screen.getByTestId('report-address').querySelector('input') as HTMLInputElement, { target: { value: text } });

const env = process.env.TARO_ENV;
beforeEach(() => {
  jest.clearAllMocks();
  (zones.near as jest.Mock).mockResolvedValue({ items: [] });
});
afterEach(() => {
  process.env.TARO_ENV = env;
});

describe('PlaceSection', () => {
  test('when the resident types the address before the position arrives, then it is kept with the position', async () => {
    const arrive = nextLocation();
    render(<Page start={emptyReportForm()} />);
    typeAddress('人民路 88 号东门');
    await arrive({ ok: true, at: here });
    expect(latest.place).toEqual({ ...here, address: '人民路 88 号东门' });
  });

  test('when the address is edited while 重新定位 runs, then the edit is kept, not the address from the tap', async () => {
    render(<Page start={{ ...emptyReportForm(), place: { ...here, address: '人民路' } }} />);
    const arrive = nextLocation();
    fireEvent.click(screen.getByTestId('report-relocate'));
    typeAddress('人民路 88 号东门');
    await arrive({ ok: true, at: { lat: 31.24, lng: 121.48 } });
    expect(latest.place).toEqual({ lat: 31.24, lng: 121.48, address: '人民路 88 号东门' });
  });

  test('when location is refused on WeChat, then 去开启定位 opens the settings and locates once it is allowed', async () => {
    process.env.TARO_ENV = 'weapp';
    const refuse = nextLocation();
    render(<Page start={emptyReportForm()} />);
    await refuse({ ok: false, reason: 'denied' });
    expect(screen.getByTestId('report-place-failure').textContent).toContain('去开启定位');

    openSettings.mockResolvedValueOnce(true);
    const arrive = nextLocation();
    await act(async () => fireEvent.click(screen.getByTestId('report-allow-location')));
    expect(openSettings).toHaveBeenCalledTimes(1);
    await arrive({ ok: true, at: here });
    expect(latest.place).toEqual({ ...here, address: '' });
    expect(screen.queryByTestId('report-place-failure')).toBeNull();
  });

  test('when the settings page is closed without allowing, then nothing is located and the notice stays', async () => {
    process.env.TARO_ENV = 'weapp';
    const refuse = nextLocation();
    render(<Page start={emptyReportForm()} />);
    await refuse({ ok: false, reason: 'denied' });
    openSettings.mockResolvedValueOnce(false);
    await act(async () => fireEvent.click(screen.getByTestId('report-allow-location')));
    expect(locate).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('report-place-failure')).toBeTruthy();
  });
});
