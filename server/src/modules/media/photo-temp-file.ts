import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/app-error';
import { env } from '../../config/env';
import { MAX_UPLOAD_BYTES, SNIFF_BYTES, sniffImageKind } from './media.image';

/** An upload received whole: its bytes in a temporary file, never in memory. */
export interface ReceivedPhoto {
  /** The temporary file, exactly the bytes sent; removed when the request is done with it. */
  path: string;
  bytes: number;
  /** Of the uploaded bytes, computed while they arrived. */
  sha256: string;
}

/** Temporary upload files are named so; anything left by a killed process is recognisable. */
export const UPLOAD_FILE_PREFIX = 'citycare-upload-';

// Bytes queued for the disk before the upload stream is paused: one socket
// read (64 kB), not Node's 16 kB, so busboy is not stopped at every chunk;
// ten uploads at once queue well under a megabyte.
const WRITE_BUFFER_BYTES = 64 * 1024;

/** Where uploads wait for their turn in the encode gate: UPLOAD_TMP_DIR, else the system's temporary folder. */
export function uploadTmpDir(): string {
  return env('UPLOAD_TMP_DIR') || os.tmpdir();
}

/**
 * Streams the photo part to a temporary file, refusing it as soon as it is
 * over MAX_UPLOAD_BYTES or its first bytes are not an image. Ten uploads
 * waiting for the encode gate then hold ten files, not ten bodies in memory
 * (docs/performance.md, P3). On any refusal the file is removed before the
 * promise rejects; on success the caller owns it (see withTempFile).
 */
export function receiveToTempFile(file: Readable, req: IncomingMessage): Promise<ReceivedPhoto> {
  const target = path.join(uploadTmpDir(), `${UPLOAD_FILE_PREFIX}${randomBytes(8).toString('hex')}`);
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER_BYTES });
  // Write errors are read from out.errored once the stream closes; an
  // 'error' nobody listens to would be an uncaught exception.
  out.on('error', () => undefined);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let size = 0;
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      file.off('data', onData).off('limit', onLimit).off('end', onEnd).off('error', onError);
      req.off('close', onClose);
      out.off('drain', onDrain).off('error', onWriteError);
      if (err) {
        file.resume(); // let busboy read (and drop) the rest, so the response can go out
        out.destroy();
        void removeWhenClosed(out, target).then(() => reject(err));
        return;
      }
      out.end();
      void closed(out).then(() => {
        if (!out.errored) return resolve({ path: target, bytes: size, sha256: hash.digest('hex') });
        void removeWhenClosed(out, target).then(() => reject(out.errored));
      });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) return settle(new AppError('MEDIA_TOO_LARGE'));
      if (head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length === SNIFF_BYTES && !sniffImageKind(head)) return settle(new AppError('MEDIA_TYPE_UNSUPPORTED'));
      }
      hash.update(chunk);
      if (!out.write(chunk)) file.pause();
    };
    const onDrain = () => file.resume();
    const onLimit = () => settle(new AppError('MEDIA_TOO_LARGE'));
    const onEnd = () => {
      if ((file as Readable & { truncated?: boolean }).truncated) return settle(new AppError('MEDIA_TOO_LARGE'));
      settle(sniffImageKind(head) ? null : new AppError('MEDIA_TYPE_UNSUPPORTED'));
    };
    // busboy destroys the file stream when the form is malformed or cut short.
    const onError = (err: Error) => settle(withCause(new AppError('MEDIA_UNREADABLE'), err));
    // A client that goes away mid-upload never ends the file stream.
    const onClose = () => {
      if (!req.complete) settle(new AppError('MEDIA_UNREADABLE'));
    };
    // The disk (full, gone): a server fault, not the resident's.
    const onWriteError = (err: Error) => settle(err);
    // It may have failed before we got here (media.upload.ts, guardFileStreams).
    if (file.errored) return onError(file.errored);
    file.on('data', onData).on('limit', onLimit).on('end', onEnd).on('error', onError);
    out.on('drain', onDrain).on('error', onWriteError);
    req.on('close', onClose);
    if (req.destroyed && !req.complete) onClose();
  });
}

/** Runs `use` on the received photo and removes its file afterwards, whatever happened. */
export async function withTempFile<T>(photo: ReceivedPhoto, use: (photo: ReceivedPhoto) => Promise<T>): Promise<T> {
  try {
    return await use(photo);
  } finally {
    await fs.rm(photo.path, { force: true });
  }
}

function closed(out: WriteStream): Promise<void> {
  return new Promise((resolve) => (out.closed ? resolve() : out.once('close', () => resolve())));
}

async function removeWhenClosed(out: WriteStream, target: string): Promise<void> {
  await closed(out);
  await fs.rm(target, { force: true }).catch(() => undefined);
}

function withCause(error: AppError, cause: Error): AppError {
  error.cause = cause;
  return error;
}
