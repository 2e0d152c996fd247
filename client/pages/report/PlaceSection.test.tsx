// 问题位置 on the 随手拍 page: what the resident types is kept while the position is on its way,
// a refused permission offers the way to allow it, and a browser with no position and no map
// places the report at a chosen community's station.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { stations } from '../../api/stations';
import { zones } from '../../api/zones';
import { emptyReportForm, type ReportForm } from '../../features/report/form';
import { locateResident, openLocationSettings, type LocateResult } from '../../services/location';
import PlaceSection from './PlaceSection';
import { typeInto } from '../../test-support/fields';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../api/zones', () => ({ zones: { near: jest.fn() } }));
jest.mock('../../api/stations', () => ({ stations: { list: jest.fn() } }));
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

const typeAddress = (text: string) => typeInto('report-address', text);

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

  test('when a browser has no position, then the resident picks the community and the report is placed at its station with the typed address', async () => {
    process.env.TARO_ENV = 'h5';
    const station = (id: string, community: string, lat: number) => ({ id, name: `${community}工作站`, community, address: '', lat, lng: 120.46, phone: '', openingHours: '', demo: true });
    (stations.list as jest.Mock).mockResolvedValue({ items: [station('s1', '嘉麟社区', 32.5368), station('s2', '平桥村', 32.52)] });
    const refuse = nextLocation();
    render(<Page start={emptyReportForm()} />);
    await refuse({ ok: false, reason: 'denied' });
    expect(screen.getByTestId('report-place-failure').textContent).toContain('按社区选择位置');
    typeAddress('平桥村 3 组路口');

    await act(async () => fireEvent.click(screen.getByTestId('report-choose-community')));
    typeInto('community-place-search', '平桥');
    const options = screen.getAllByTestId('community-place-option');
    expect(options.map((o) => o.textContent)).toEqual(['平桥村平桥村工作站']);
    await act(async () => fireEvent.click(options[0]));

    expect(latest.place).toEqual({ lat: 32.52, lng: 120.46, address: '平桥村 3 组路口', standIn: { station: '平桥村工作站', community: '平桥村' } });
    expect(screen.getByTestId('report-place-status').textContent).toBe('平桥村（工作站位置）');
    expect(screen.queryByTestId('community-place-sheet')).toBeNull();
    expect(screen.queryByTestId('report-place-failure')).toBeNull();
    // Nothing is searched around the station's point: stall zones there would be the station's, not the problem's.
    expect(zones.near).not.toHaveBeenCalled();

    // A real position later replaces the stand-in, and the choice is no longer offered (one tap would undo the phone's).
    const arrive = nextLocation();
    fireEvent.click(screen.getByTestId('report-relocate'));
    await arrive({ ok: true, at: here });
    expect(latest.place).toEqual({ ...here, address: '平桥村 3 组路口' });
    expect(screen.getByTestId('report-place-status').textContent).toContain('已定位');
    expect(screen.queryByTestId('report-choose-community')).toBeNull();
    expect(zones.near).toHaveBeenCalled();
  });

  test('when a draft comes back with a stand-in place, then it still says so and still offers another community', () => {
    process.env.TARO_ENV = 'h5';
    const standIn = { station: '平桥村工作站', community: '平桥村' };
    render(<Page start={{ ...emptyReportForm(), place: { lat: 32.52, lng: 120.46, address: '村口', standIn } }} />);
    expect(screen.getByTestId('report-place-status').textContent).toBe('平桥村（工作站位置）');
    expect(screen.getByTestId('report-choose-community')).toBeTruthy();
    expect(locate).not.toHaveBeenCalled();
  });
});
