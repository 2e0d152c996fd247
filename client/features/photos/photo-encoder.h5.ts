import { encodeWithinLimits, fitsAlready, PhotoProblem } from './resize';
import type { PreparedPhoto } from './photo-encoder';

// H5: the browser decodes the picked file into an <img> and re-encodes it on a canvas.

export type { PreparedPhoto } from './photo-encoder';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('无法读取这张照片，请换一张'));
    img.src = src;
  });
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('照片压缩失败，请删除后换一张'))), 'image/jpeg', quality);
  });
}

async function blobOf(path: string): Promise<Blob> {
  return (await fetch(path)).blob();
}

export async function preparePhoto(path: string): Promise<PreparedPhoto> {
  const [img, original] = await Promise.all([loadImage(path), blobOf(path)]);
  const source = { width: img.naturalWidth, height: img.naturalHeight };
  if (fitsAlready(source, original.size, original.type === 'image/jpeg')) return { path, ...source, bytes: original.size };
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoProblem('此浏览器无法压缩照片');
  const out = await encodeWithinLimits(source, async (size, quality) => {
    canvas.width = size.width;
    canvas.height = size.height;
    context.drawImage(img, 0, 0, size.width, size.height);
    const blob = await toJpeg(canvas, quality);
    return { blob, bytes: blob.size };
  });
  return { path: URL.createObjectURL(out.blob), width: out.width, height: out.height, bytes: out.bytes };
}
