// Placing a 摊位区: closing the map keeps the zone where it was, and a failed locate is told.
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ZoneView } from '@citycare/shared';
import { locateResident, pickPlace } from '../../../services/location';
import ZoneForm from './ZoneForm';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../test-support/taro-mock').taroMock());
jest.mock('../../../api/staff', () => ({ staffZones: { create: jest.fn(), update: jest.fn() } }));
jest.mock('../../../services/location', () => ({ pickPlace: jest.fn(), locateResident: jest.fn() }));

const pick = pickPlace as jest.Mock;
const locate = locateResident as jest.Mock;
const zone = { id: 'z1', name: '中大街夜市', address: '中大街 1 号', lat: 32.5368, lng: 120.4592, hours: '每日 17:00–22:00', stallCount: 20, rules: '' } as ZoneView;
const value = (testId: string) => (screen.getByTestId(testId).querySelector('input') as HTMLInputElement).value;

afterEach(() => {
  delete process.env.TARO_ENV;
  jest.clearAllMocks();
});

describe('ZoneForm', () => {
  test('when the lead closes the map without choosing (weapp), then the zone keeps its coordinates and nothing is located', async () => {
    process.env.TARO_ENV = 'weapp';
    pick.mockResolvedValue(null);
    locate.mockResolvedValue({ ok: true, at: { lat: 1, lng: 2 } });
    render(<ZoneForm editing={zone} onClose={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByTestId('zone-here')));
    expect(locate).not.toHaveBeenCalled();
    expect([value('zone-lat'), value('zone-lng')]).toEqual(['32.5368', '120.4592']);
  });

  test('when a place is chosen on the map, then the zone takes it', async () => {
    process.env.TARO_ENV = 'weapp';
    pick.mockResolvedValue({ lat: 32.54, lng: 120.46, name: '星湖', address: '星湖路 2 号' });
    render(<ZoneForm editing={zone} onClose={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByTestId('zone-here')));
    expect([value('zone-lat'), value('zone-lng'), value('zone-address')]).toEqual(['32.54', '120.46', '中大街 1 号']);
  });

  test('when locating fails (H5), then a message in Chinese says so and the coordinates stay', async () => {
    locate.mockResolvedValue({ ok: false, reason: 'denied' });
    render(<ZoneForm editing={zone} onClose={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByTestId('zone-here')));
    expect(screen.getByTestId('zone-place-message').textContent).toBe('未获得定位权限，请填写经纬度');
    expect(value('zone-lat')).toBe('32.5368');
  });
});
