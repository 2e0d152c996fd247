import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from '@citycare/shared';
import { errMsgOf } from './wechat-failure';

/** Why we have no position: the resident said no, or the device could not tell. */
export type LocationFailure = 'denied' | 'unavailable';

export type LocateResult = { ok: true; at: LatLng } | { ok: false; reason: LocationFailure };

const LOCATE_TIMEOUT_MS = 10_000;

/**
 * WeChat says "auth deny"/"auth denied" when the resident refused us; browsers say
 * "User denied Geolocation". "system permission denied" or a switched-off location service
 * is the phone refusing WeChat, which our settings page cannot fix: that is 'unavailable'.
 */
export function locationFailureReason(failure: unknown): LocationFailure {
  const errMsg = errMsgOf(failure);
  if (/system|switchoff/i.test(errMsg)) return 'unavailable';
  return /deny|denied|permission/i.test(errMsg) ? 'denied' : 'unavailable';
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

// WeChat returns GCJ-02 directly; Taro's H5 getLocation only speaks WGS-84 (the browser's
// system), so H5 converts. Decided at module level so the weapp build drops the converter.
const COORDINATE_TYPE = process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02';
const toGcj02: (p: LatLng) => LatLng = process.env.TARO_ENV === 'h5' ? wgs84ToGcj02 : (p) => p;

/** The resident's position in GCJ-02, or why we have none. */
export async function locateResident(): Promise<LocateResult> {
  try {
    const res = await withTimeout(Taro.getLocation({ type: COORDINATE_TYPE }), LOCATE_TIMEOUT_MS);
    return { ok: true, at: toGcj02({ lat: res.latitude, lng: res.longitude }) };
  } catch (failure) {
    return { ok: false, reason: locationFailureReason(failure) };
  }
}

/** weapp: the settings page where a resident who said no can allow location again. */
export async function openLocationSettings(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  const { authSetting } = await Taro.openSetting();
  return authSetting['scope.userLocation'] === true;
}

export interface PickedPlace extends LatLng {
  name: string;
  address: string;
}

/**
 * weapp: the resident moves a pin on WeChat's map (chooseLocation, GCJ-02). Resolves null when
 * they close it, or on a platform without that picker (H5 edits the address by hand instead).
 */
export async function pickPlace(near?: LatLng): Promise<PickedPlace | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const res = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
    return { lat: res.latitude, lng: res.longitude, name: res.name, address: res.address || res.name };
  } catch {
    return null; // closed without choosing
  }
}
