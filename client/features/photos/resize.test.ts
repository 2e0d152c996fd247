import { encodeWithinLimits, fitWithin, fitsAlready, MIN_EDGE, PHOTO_LIMITS, PhotoTooLargeError, type Size } from './resize';

/**
 * A JPEG-like size model: bytes grow with pixels and quality. `bytesPerPixel` at quality 1
 * sets how "busy" the photo is (a noisy phone photo ~0.5, a flat screenshot ~0.05).
 */
function modelEncoder(bytesPerPixel: number) {
  const calls: Array<Size & { quality: number }> = [];
  const encode = async (size: Size, quality: number) => {
    calls.push({ ...size, quality });
    return { bytes: Math.round(size.width * size.height * bytesPerPixel * quality) };
  };
  return { encode, calls };
}

describe('fitWithin', () => {
  test('when a 4000×3000 photo is fitted to 1600, then it becomes 1600×1200', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, 1600)).toEqual({ width: 1600, height: 1200 });
  });

  test('when a portrait 3024×4032 photo is fitted, then the long edge (height) is 1600', () => {
    expect(fitWithin({ width: 3024, height: 4032 }, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  test('when the photo is already small, then it is never enlarged', () => {
    expect(fitWithin({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 });
  });
});

describe('encodeWithinLimits (P7: long edge ≤ 1600 px, ≤ 400 KB)', () => {
  test.each([
    ['a 12 MP busy phone photo', { width: 4000, height: 3000 }, 0.5],
    ['a 48 MP very busy photo', { width: 8000, height: 6000 }, 1.2],
    ['a tall screenshot', { width: 1170, height: 8000 }, 0.3],
    ['a small flat image', { width: 640, height: 480 }, 0.05],
  ])('when the source is %s, then what is sent fits both limits', async (_name, source, bpp) => {
    const { encode } = modelEncoder(bpp);
    const out = await encodeWithinLimits(source, encode);
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(PHOTO_LIMITS.maxEdge);
    expect(out.bytes).toBeLessThanOrEqual(PHOTO_LIMITS.maxBytes);
  });

  test('when the first try fits, then it keeps the full 1600 px size and the best quality', async () => {
    const { encode, calls } = modelEncoder(0.1);
    const out = await encodeWithinLimits({ width: 4000, height: 3000 }, encode);
    expect(calls).toHaveLength(1);
    expect(out).toMatchObject({ width: 1600, height: 1200, quality: 0.85 });
  });

  test('when quality alone is not enough, then it lowers quality before shrinking the size', async () => {
    const { encode, calls } = modelEncoder(0.5);
    await encodeWithinLimits({ width: 4000, height: 3000 }, encode);
    expect(calls.slice(0, 4).every((c) => c.width === 1600)).toBe(true);
    expect(calls[4].width).toBeLessThan(1600);
  });

  test('when even a tiny size is too big, then it gives up with a Chinese message instead of looping', async () => {
    const encode = async () => ({ bytes: PHOTO_LIMITS.maxBytes + 1 });
    await expect(encodeWithinLimits({ width: 4000, height: 3000 }, encode)).rejects.toBeInstanceOf(PhotoTooLargeError);
    await expect(encodeWithinLimits({ width: MIN_EDGE, height: MIN_EDGE }, encode)).rejects.toThrow('400 KB');
  });
});

describe('fitsAlready', () => {
  test('when a JPEG is within both limits, then it is sent as it is', () => {
    expect(fitsAlready({ width: 1600, height: 900 }, 300_000, true)).toBe(true);
  });

  test('when it is a PNG, or too wide, or too heavy, then it is re-encoded', () => {
    expect(fitsAlready({ width: 1600, height: 900 }, 300_000, false)).toBe(false);
    expect(fitsAlready({ width: 1601, height: 900 }, 300_000, true)).toBe(false);
    expect(fitsAlready({ width: 1600, height: 900 }, PHOTO_LIMITS.maxBytes + 1, true)).toBe(false);
  });
});
