import Taro from '@tarojs/taro';
import type { LatLng } from '@citycare/shared';
import { wgs84ToGcj02 } from './coords';

/** Why we have no position: the resident said no, or the device could not tell. */
export type LocationFailure = 'denied' | 'unavailable';

export type LocateResult = { ok: true; at: LatLng } | { ok: false; reason: LocationFailure };

const LOCATE_TIMEOUT_MS = 10_000;

/** WeChat says "auth deny"/"auth denied"; browsers say "User denied Geolocation". */
function reasonOf(failure: unknown): LocationFailure {
  const errMsg = String((failure as { errMsg?: string } | null)?.errMsg ?? failure ?? '');
  return /deny|denied|permission|权限/i.test(errMsg) ? 'denied' : 'unavailable';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('getLocation timeout')), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

/**
 * The resident's position in GCJ-02. WeChat returns GCJ-02 directly; Taro's H5
 * getLocation only speaks WGS-84 (the browser's system), so H5 converts.
 */
export async function locateResident(): Promise<LocateResult> {
  const isH5 = process.env.TARO_ENV === 'h5';
  try {
    const res = await withTimeout(Taro.getLocation({ type: isH5 ? 'wgs84' : 'gcj02' }), LOCATE_TIMEOUT_MS);
    const raw = { lat: res.latitude, lng: res.longitude };
    return { ok: true, at: isH5 ? wgs84ToGcj02(raw) : raw };
  } catch (failure) {
    return { ok: false, reason: reasonOf(failure) };
  }
}

/** weapp: the settings page where a resident who said no can allow location again. */
export async function openLocationSettings(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  const { authSetting } = await Taro.openSetting();
  return authSetting['scope.userLocation'] === true;
}
