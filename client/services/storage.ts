import Taro from '@tarojs/taro';

// Local storage (WeChat storage on weapp, localStorage on H5) as JSON values. A full or
// unavailable storage must never break a page, so failures read as "nothing stored".

export function readStored<T>(key: string): T | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' || value === undefined || value === null ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing stored, nothing to remove
  }
}

/** Every key this app stores, in one place. */
export const STORAGE_KEYS = {
  session: 'citycare.session',
  signInMethod: 'citycare.signInMethod',
  prefs: 'citycare.prefs',
  reportDraft: 'citycare.reportDraft',
  readNotices: 'citycare.readNotices',
  privacyAgreed: 'citycare.privacyAgreed',
} as const;
