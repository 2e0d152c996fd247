import Taro from '@tarojs/taro';
import { isCancelled } from './wechat-failure';

/** Opens the dialler. A resident closing the sheet is not an error; anything else is shown. */
export async function callStation(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch (failure) {
    if (isCancelled(failure)) return;
    await Taro.showToast({ title: `无法拨打，请手动拨打 ${phoneNumber}`, icon: 'none', duration: 3000 });
  }
}
