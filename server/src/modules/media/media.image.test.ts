import { sniffImageKind } from './media.image';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageKind', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg'],
    ['JPEG (EXIF)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
  ])('when the bytes are %s, then the kind is found', (_name, head, kind) => {
    expect(sniffImageKind(head)).toBe(kind);
  });

  it.each([
    ['empty', bytes()],
    ['two JPEG bytes', bytes([0xff, 0xd8])],
    ['a PNG signature with one byte wrong', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ['RIFF WAVE audio', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['RIFF cut before its form type', bytes('RIFF', [0x24, 0, 0, 0], 'WEB')],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['HTML', bytes('<!doctype html><html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic')],
  ])('when the bytes are %s, then no kind', (_name, head) => {
    expect(sniffImageKind(head)).toBeNull();
  });
});
