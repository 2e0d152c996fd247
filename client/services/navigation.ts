import Taro from '@tarojs/taro';
import type { StationSummary } from '@citycare/shared';
import { go } from './router';
import { isCancelled } from './wechat-failure';

/**
 * Turn-by-turn to a station. weapp opens WeChat's built-in map (GCJ-02, which is what
 * we store); a browser has no such API, so H5 hands over to AMap's public marker page,
 * which also takes GCJ-02.
 */
export async function navigateToStation(station: Pick<StationSummary, 'lat' | 'lng' | 'name' | 'address'>): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const query = `position=${station.lng},${station.lat}&name=${encodeURIComponent(station.name)}&coordinate=gaode&callnative=1`;
    window.location.href = `https://uri.amap.com/marker?${query}`;
    return;
  }
  try {
    await Taro.openLocation({
      latitude: station.lat,
      longitude: station.lng,
      name: station.name,
      address: station.address,
      scale: 17,
    });
  } catch (failure) {
    if (isCancelled(failure)) return;
    await Taro.showToast({ title: '无法打开地图，请稍后再试', icon: 'none' });
  }
}

export function openStationPage(id: string): Promise<void> {
  return go('stationDetail', { id });
}
