import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { AppError } from '../../common/app-error';
import { MAX_UPLOAD_BYTES } from './media.image';
import { receiveToTempFile, withTempFile } from './photo-temp-file';

const DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-photo-temp-'));
const previous = process.env.UPLOAD_TMP_DIR;

beforeAll(() => {
  process.env.UPLOAD_TMP_DIR = DIR;
});

afterAll(() => {
  if (previous === undefined) delete process.env.UPLOAD_TMP_DIR;
  else process.env.UPLOAD_TMP_DIR = previous;
  rmSync(DIR, { recursive: true, force: true });
});

/** busboy's file stream and the request it reads, as far as the receiver sees them. */
function upload() {
  const file = new PassThrough();
  const req = Object.assign(new EventEmitter(), { complete: false, destroyed: false }) as unknown as IncomingMessage;
  const finish = () => {
    (req as { complete: boolean }).complete = true;
    file.end();
  };
  return { file, req, finish };
}

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const leftOver = () => readdirSync(DIR);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe('receiveToTempFile', () => {
  it('when a photo arrives in pieces, then its exact bytes, size and SHA-256 are in one file, removed after use', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, randomBytes(300_000)]);
    const { file, req, finish } = upload();
    const received = receiveToTempFile(file, req);
    file.write(bytes.subarray(0, 5));
    file.write(bytes.subarray(5, 100_000));
    file.write(bytes.subarray(100_000));
    finish();
    const photo = await received;
    expect(photo.bytes).toBe(bytes.length);
    expect(photo.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(path.dirname(photo.path)).toBe(DIR);

    const seen = await withTempFile(photo, async ({ path: file }) => readFileSync(file));
    expect(seen.equals(bytes)).toBe(true);
    expect(leftOver()).toEqual([]);
  });

  it('when the work on the file fails, then the file is removed all the same', async () => {
    const { file, req, finish } = upload();
    const received = receiveToTempFile(file, req);
    file.write(JPEG_HEAD);
    finish();
    const photo = await received;
    await expect(withTempFile(photo, () => Promise.reject(new AppError('MEDIA_UNREADABLE')))).rejects.toThrow(AppError);
    expect(leftOver()).toEqual([]);
  });

  it('when the upload passes 10 MB, then MEDIA_TOO_LARGE and no file is left', async () => {
    const { file, req } = upload();
    const received = receiveToTempFile(file, req);
    file.write(JPEG_HEAD);
    file.write(Buffer.alloc(MAX_UPLOAD_BYTES - JPEG_HEAD.length)); // exactly 10 MB: still fine
    file.write(Buffer.alloc(1));
    expect(await refusal(received)).toBe('MEDIA_TOO_LARGE');
    expect(leftOver()).toEqual([]);
  });

  it('when busboy reports its size limit, then MEDIA_TOO_LARGE and no file is left', async () => {
    const { file, req } = upload();
    const received = receiveToTempFile(file, req);
    file.write(JPEG_HEAD);
    file.emit('limit');
    expect(await refusal(received)).toBe('MEDIA_TOO_LARGE');
    expect(leftOver()).toEqual([]);
  });

  it.each([
    ['an HTML page', Buffer.from('<!doctype html><html></html>')],
    ['two JPEG bytes', Buffer.from([0xff, 0xd8])],
  ])('when %s arrives, then MEDIA_TYPE_UNSUPPORTED and no file is left', async (_what, bytes) => {
    const { file, req, finish } = upload();
    const received = receiveToTempFile(file, req);
    file.write(bytes);
    finish();
    expect(await refusal(received)).toBe('MEDIA_TYPE_UNSUPPORTED');
    expect(leftOver()).toEqual([]);
  });

  it('when the client goes away mid-upload, then MEDIA_UNREADABLE and no file is left', async () => {
    const { file, req } = upload();
    const received = receiveToTempFile(file, req);
    file.write(Buffer.concat([JPEG_HEAD, randomBytes(50_000)]));
    req.emit('close');
    expect(await refusal(received)).toBe('MEDIA_UNREADABLE');
    expect(leftOver()).toEqual([]);
  });

  it('when busboy destroys the file stream (a form cut short), then MEDIA_UNREADABLE and no file is left', async () => {
    const { file, req } = upload();
    const received = receiveToTempFile(file, req);
    file.write(JPEG_HEAD);
    file.destroy(new Error('Unexpected end of form'));
    expect(await refusal(received)).toBe('MEDIA_UNREADABLE');
    expect(leftOver()).toEqual([]);
  });
});
