import Taro from '@tarojs/taro';
import { encodeWithinLimits, fitsAlready } from './resize';

// weapp: WeChat decodes and encodes the photo natively (compressImage with a target size).
// The H5 build uses photo-encoder.h5.ts instead (Taro picks *.h5.ts on H5).

export interface PreparedPhoto {
  /** A local file path (weapp) or blob URL (H5) that uploadFile can send. */
  path: string;
  width: number;
  height: number;
  bytes: number;
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: reject,
    });
  });
}

export async function preparePhoto(path: string, knownBytes?: number): Promise<PreparedPhoto> {
  const info = await Taro.getImageInfo({ src: path });
  const source = { width: info.width, height: info.height };
  const bytes = knownBytes ?? (await fileSize(path));
  if (fitsAlready(source, bytes, /jpe?g/i.test(info.type))) return { path, ...source, bytes };
  const out = await encodeWithinLimits(source, async (size, quality) => {
    const res = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: size.width, compressedHeight: size.height });
    return { path: res.tempFilePath, bytes: await fileSize(res.tempFilePath) };
  });
  return { path: out.path, width: out.width, height: out.height, bytes: out.bytes };
}
