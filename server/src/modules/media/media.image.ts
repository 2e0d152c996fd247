import os from 'node:os';
import sharp from 'sharp';
import { AppError } from '../../common/app-error';

// Every upload is a different image: libvips' operation cache would only keep
// decoded pixels of photos that never come back (tens of MB each at 12 MP).
sharp.cache(false);

/**
 * Photos re-encoded at once in this process: one per two cores. More at
 * once only adds memory — one 12-megapixel re-encode holds ~40 MB of libvips
 * working memory; 10 at once peaked at 428 MB RSS before this gate
 * (docs/performance.md, P3). The others wait their turn, their bodies in
 * temporary files (photo-temp-file.ts), not in memory. libvips keeps sharp's
 * default of one thread per image on glibc Linux: two were measured no faster
 * here (a JPEG's decode and encode are serial).
 */
export const PHOTO_SLOTS = Math.max(1, Math.floor(os.availableParallelism() / 2));
let free = PHOTO_SLOTS;
const waiting: Array<() => void> = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (free > 0) free -= 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  }
}

/** 10 MB: the most a photo upload may carry (checked while streaming). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** 50 megapixels: larger images are refused before any pixel is decoded. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Long edge of the stored copy and of its thumbnail. */
export const FULL_EDGE_PX = 2048;
export const THUMB_EDGE_PX = 480;

export type ImageKind = 'jpeg' | 'png' | 'webp';

/** Bytes needed to tell the accepted kinds apart. */
export const SNIFF_BYTES = 12;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The image kind from the first bytes (magic numbers), never from the file
 * name or the declared Content-Type, which the client controls.
 */
export function sniffImageKind(head: Buffer): ImageKind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return null;
}

export interface ProcessedPhoto {
  /** JPEG, long edge ≤ FULL_EDGE_PX, upright, no metadata. */
  full: Buffer;
  /** JPEG, long edge ≤ THUMB_EDGE_PX. */
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded photo from its file (whose first bytes were checked
 * as it arrived, photo-temp-file.ts): checks its format and size from the
 * header, then decodes it (pixel limit enforced by sharp too), turns it
 * upright from its EXIF orientation and writes a fresh JPEG. sharp writes no
 * EXIF, ICC or XMP unless asked (no withMetadata/keepExif here), so GPS and
 * camera data are dropped with the original bytes.
 */
export async function processPhoto(file: string): Promise<ProcessedPhoto> {
  await checkHeader(file);
  return inSlot(() => reencode(file));
}

async function reencode(file: string): Promise<ProcessedPhoto> {
  const full = await decode(file)
    .rotate()
    .resize({ width: FULL_EDGE_PX, height: FULL_EDGE_PX, fit: 'inside', withoutEnlargement: true })
    // Transparent PNG/WebP areas become white, not JPEG's default black.
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: false })
    .toBuffer({ resolveWithObject: true })
    .catch(unreadable);
  // From the stored copy, not the upload: libvips decodes a JPEG at 1/4 scale
  // for a 4× smaller target (shrink-on-load), a few hundred kB of pixels.
  const thumb = await sharp(full.data)
    .resize({ width: THUMB_EDGE_PX, height: THUMB_EDGE_PX, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer()
    .catch(unreadable);
  return { full: full.data, thumb, width: full.info.width, height: full.info.height };
}

/**
 * Reads the header only (no decoding), so a 400-megapixel bomb costs nothing;
 * libvips' own format must be one of the sniffed kinds too.
 */
async function checkHeader(file: string): Promise<void> {
  const meta = await sharp(file, { limitInputPixels: false }).metadata().catch(unreadable);
  if (!ACCEPTED_FORMATS.has(meta.format ?? '')) throw new AppError('MEDIA_TYPE_UNSUPPORTED');
  if (!meta.width || !meta.height) throw new AppError('MEDIA_UNREADABLE');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new AppError('MEDIA_TOO_MANY_PIXELS');
}

const ACCEPTED_FORMATS: ReadonlySet<string> = new Set<ImageKind>(['jpeg', 'png', 'webp']);

function decode(file: string) {
  // limitInputPixels again: the header check above is the fast path, this is
  // the guarantee. failOn 'error': truncated or corrupt data is refused
  // rather than stored half grey. sequentialRead: a resize reads the pixels
  // once, top to bottom, so libvips need not keep them for random access.
  return sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true });
}

/** sharp's message names libvips internals: the resident gets MEDIA_UNREADABLE, the log keeps the cause. */
function unreadable(err: unknown): never {
  if (err instanceof AppError) throw err;
  const error = new AppError('MEDIA_UNREADABLE');
  if (err instanceof Error) error.cause = err;
  throw error;
}
