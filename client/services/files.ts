import Taro from '@tarojs/taro';
import { isCancelled } from './wechat-failure';

// Saving a file for the resident. weapp: the mini-program's own user folder, from where the
// resident sends it to a chat (文件传输助手 keeps it); H5 uses files.h5.ts (a browser download).

export interface SavedFile {
  /** Where the file now is on the phone; null when the browser took it as a download. */
  path: string | null;
  name: string;
}

/** Why a file could not be saved, in words: the phone's storage is full, or something else. */
function saveFailureMessage(errMsg: string | undefined): string {
  return /exceed|storage|space|ENOSPC/i.test(errMsg ?? '') ? '手机存储空间不足，文件未保存，请清理后重试' : '文件保存失败，请重试';
}

/** Writes `text` as a file named `name` (wx.env.USER_DATA_PATH on weapp). */
export function saveTextFile(name: string, text: string, _mime: string): Promise<SavedFile> {
  const path = `${Taro.env.USER_DATA_PATH}/${name}`;
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: text,
      encoding: 'utf8',
      success: () => resolve({ path, name }),
      // WeChat's errMsg is English ("writeFile:fail the maximum size of the file storage
      // limit is exceeded"): the person reads why in Chinese, support finds it in `cause`.
      fail: (err) => reject(new Error(saveFailureMessage(err.errMsg), { cause: err })),
    });
  });
}

/** Sends a saved file to a WeChat chat (WeChat allows it only inside a tap); closing the chat picker is no failure. */
export async function shareSavedFile(file: SavedFile): Promise<void> {
  if (!file.path) return;
  if (typeof Taro.shareFileMessage !== 'function') throw new Error('当前微信版本不支持发送文件，请升级微信');
  try {
    await Taro.shareFileMessage({ filePath: file.path, fileName: file.name });
  } catch (failure) {
    if (isCancelled(failure)) return;
    throw new Error('未能发送文件，请重试');
  }
}

/** Whether a saved file can be sent to a chat from here. */
export const canShareFiles = true;
