// P7: every photo the client sends is at most 1600 px on its long edge and 400 KB. The loop
// here is the rule; photo-encoder(.h5).ts supplies each platform's encoder (WeChat's
// compressImage, or a canvas in the browser).

export const PHOTO_LIMITS = { maxEdge: 1600, maxBytes: 400 * 1024 } as const;

export type PhotoLimits = { maxEdge: number; maxBytes: number };

/** JPEG qualities tried at one size, best first, before the size shrinks. */
export const QUALITY_STEPS = [0.85, 0.75, 0.65, 0.55] as const;
/** Each shrink keeps this share of the edges. */
export const SHRINK_FACTOR = 0.8;
/** Below this long edge a photo shows nothing useful: give up instead. */
export const MIN_EDGE = 320;

export interface Size {
  width: number;
  height: number;
}

/** The size within `maxEdge` on the long edge, aspect kept, never enlarged. */
export function fitWithin(size: Size, maxEdge: number): Size {
  const longEdge = Math.max(size.width, size.height);
  if (longEdge <= maxEdge) return { width: Math.round(size.width), height: Math.round(size.height) };
  const scale = maxEdge / longEdge;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

export interface Encoded {
  bytes: number;
}

/** Encodes the source photo as JPEG at `size` and `quality` (0–1). */
export type Encoder<E extends Encoded> = (size: Size, quality: number) => Promise<E>;

/** Something about the photo itself, told to the resident as it is; trying the same photo again cannot help. */
export class PhotoProblem extends Error {}

export class PhotoTooLargeError extends PhotoProblem {
  constructor() {
    super('照片过大，无法压缩到 400 KB 以内，请换一张');
  }
}

/**
 * Encodes at the largest size within the limits, lowering the quality and then the size until
 * the bytes fit. Returns the first encoding that fits, with the size and quality used.
 */
export async function encodeWithinLimits<E extends Encoded>(
  source: Size,
  encode: Encoder<E>,
  limits: PhotoLimits = PHOTO_LIMITS,
): Promise<E & Size & { quality: number }> {
  let size = fitWithin(source, limits.maxEdge);
  for (;;) {
    for (const quality of QUALITY_STEPS) {
      const out = await encode(size, quality);
      if (out.bytes <= limits.maxBytes) return { ...out, ...size, quality };
    }
    const next = fitWithin(size, Math.floor(Math.max(size.width, size.height) * SHRINK_FACTOR));
    if (Math.max(next.width, next.height) < MIN_EDGE) throw new PhotoTooLargeError();
    size = next;
  }
}

/** A photo already within the limits is sent as it is (no second JPEG generation). */
export function fitsAlready(size: Size, bytes: number, isJpeg: boolean, limits: PhotoLimits = PHOTO_LIMITS): boolean {
  return isJpeg && Math.max(size.width, size.height) <= limits.maxEdge && bytes <= limits.maxBytes;
}
