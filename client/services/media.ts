import Taro from '@tarojs/taro';

/** Photos from the camera or album (chooseMedia on both platforms); [] when the resident closes it. */
export async function pickPhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.map((file) => file.tempFilePath);
  } catch {
    return []; // cancelled, or permission refused (WeChat then explains it itself)
  }
}

/**
 * Asks for the case-status subscribe message (weapp only). WeChat accepts this only inside the
 * resident's tap, so the caller invokes it first thing in the tap handler and does not wait.
 */
export function requestCaseUpdates(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = CITYCARE_SUBSCRIBE_TEMPLATE_IDS.split(',').map((s) => s.trim()).filter(Boolean);
  if (tmplIds.length === 0 || typeof Taro.requestSubscribeMessage !== 'function') return;
  Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).catch(() => {
    // Refused or unsupported: the case is reported all the same; updates show in 我的报事.
  });
}
