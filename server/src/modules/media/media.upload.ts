import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Middleware, type IMidwayApplication } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import {
  MultipartError,
  MultipartFieldsLimitError,
  MultipartFileLimitError,
  MultipartFileSizeLimitError,
  MultipartInvalidFilenameError,
  MultipartInvalidFileTypeError,
  MultipartPartsLimitError,
  UploadMiddleware,
  type UploadOptions,
  type UploadStreamFileInfo,
} from '@midwayjs/busboy';
import type { ErrorCode, FieldIssue } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { MAX_UPLOAD_BYTES } from './media.image';
import { receiveToTempFile, withTempFile, type ReceivedPhoto } from './photo-temp-file';

/** The form field that carries the photo. */
export const PHOTO_FIELD = 'file';

/**
 * @midwayjs/busboy settings (wired in configuration.ts). Stream mode: the
 * photo part is checked while it streams to a temporary file of our own
 * (photo-temp-file.ts), not to busboy's file mode. Photos are the only
 * multipart route; another one would pass its own limits to its middleware.
 */
export const UPLOAD_CONFIG: Partial<UploadOptions> = {
  mode: 'stream',
  // File names are never trusted: the kind comes from the magic bytes.
  whitelist: null,
  limits: {
    // busboy flags a file that *reaches* fileSize, so one byte more lets
    // exactly 10 MB through and stops at the first byte beyond.
    fileSize: MAX_UPLOAD_BYTES + 1,
    files: 1,
    fields: 5,
    fieldSize: 1024,
    parts: 6,
    headerPairs: 20,
  },
};

const ONE_PHOTO: FieldIssue = { field: PHOTO_FIELD, code: 'VALIDATION_FAILED', message: '请在 file 字段上传一张图片' };

/**
 * busboy's UploadMiddleware for the photo route: checks the caller may upload
 * before a byte of the body is parsed, and turns busboy's own errors into
 * MEDIA_* codes (no busboy message or stack reaches the client).
 */
@Middleware()
export class PhotoUploadMiddleware extends UploadMiddleware {
  // Any name passes, including none at all (a part with only
  // Content-Type: application/octet-stream): the base class would throw a
  // TypeError on a missing name inside busboy's event handler.
  override checkAndGetExt(): string {
    return '.';
  }

  override resolve(app: IMidwayApplication) {
    const parse = super.resolve(app) as (ctx: Context, next: NextFunction) => Promise<void>;
    return async (ctx: Context, next: NextFunction) => {
      authorize(requireUser(ctx), 'media.upload');
      guardFileStreams(ctx.req);
      try {
        await parse(ctx, next);
      } catch (err) {
        drainRequest(ctx.req);
        throw toMediaError(err);
      }
    };
  }

  static override getName() {
    return 'photoUpload';
  }
}

/**
 * The one photo of the request, received into a temporary file (refused as
 * soon as it is too big or not an image), handed to `use`, and removed
 * afterwards whatever happened — refusal, processing error or success.
 */
export async function withPhoto<T>(ctx: Context, files: UploadStreamFileInfo[] | undefined, use: (photo: ReceivedPhoto) => Promise<T>): Promise<T> {
  const [file] = files ?? [];
  if (!file || file.fieldName !== PHOTO_FIELD) {
    file?.data.resume();
    throw new AppError('VALIDATION_FAILED', undefined, [ONE_PHOTO]);
  }
  return withTempFile(await receiveToTempFile(file.data, ctx.req), use);
}

function toMediaError(err: unknown): unknown {
  const code = multipartCode(err);
  if (!code) return err;
  const error = new AppError(code, undefined, code === 'VALIDATION_FAILED' ? [ONE_PHOTO] : undefined);
  return err instanceof Error ? withCause(error, err) : error;
}

function multipartCode(err: unknown): ErrorCode | undefined {
  if (err instanceof MultipartFileSizeLimitError) return 'MEDIA_TOO_LARGE';
  if (err instanceof MultipartInvalidFilenameError || err instanceof MultipartInvalidFileTypeError) {
    return 'MEDIA_TYPE_UNSUPPORTED';
  }
  if (
    err instanceof MultipartFileLimitError ||
    err instanceof MultipartPartsLimitError ||
    err instanceof MultipartFieldsLimitError
  ) {
    return 'VALIDATION_FAILED';
  }
  // Malformed or truncated multipart body.
  if (err instanceof MultipartError) return 'MEDIA_UNREADABLE';
  return undefined;
}

function withCause(error: AppError, cause: Error): AppError {
  error.cause = cause;
  return error;
}

/**
 * busboy destroys a file stream with an error when the form is cut short,
 * and that can happen before the controller has attached its listeners (a
 * small body arrives in one piece): an 'error' nobody listens to is an
 * uncaught exception. The component pipes this request into its busboy, so
 * give every file stream a listener the moment busboy announces it; the
 * reader then finds the failure in `file.errored`.
 */
function guardFileStreams(req: IncomingMessage): void {
  const pipe = req.pipe.bind(req);
  req.pipe = <T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
    (dest as T & EventEmitter).on('file', (_field: string, file: Readable) => file.on('error', ignore));
    return pipe(dest, options);
  };
}

function ignore(): void {
  // Handled by receiveToTempFile (photo-temp-file.ts) through file.errored.
}

/** After a refusal, read and drop what is left of the body so the connection stays usable. */
function drainRequest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.unpipe();
  req.resume();
}
