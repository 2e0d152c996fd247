import type { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { env, envFlag } from '../../config/env';
import type { MediaStorage } from './media.storage';
import { checkStorageKey } from './storage-key';

export interface S3Settings {
  bucket: string;
  prefix: string;
  client: S3ClientConfig;
}

/** The S3_* variables (server/src/config/env.ts) as client settings; MEDIA_STORAGE=s3 without S3_BUCKET stops the start. */
export function s3SettingsFrom(source: NodeJS.ProcessEnv = process.env): S3Settings {
  const bucket = env('S3_BUCKET', source);
  if (!bucket) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT for anything but AWS S3; server/src/config/env.ts)');
  const accessKeyId = env('S3_ACCESS_KEY_ID', source);
  const secretAccessKey = env('S3_SECRET_ACCESS_KEY', source);
  if (!accessKeyId !== !secretAccessKey) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  const endpoint = env('S3_ENDPOINT', source);
  return {
    bucket,
    prefix: env('S3_KEY_PREFIX', source),
    client: {
      region: env('S3_REGION', source),
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle: envFlag('S3_FORCE_PATH_STYLE', source),
      ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      // Checksums only where S3 requires them: COS and other S3-compatible stores
      // do not all accept the SDK's default CRC32 trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    },
  };
}

/** Is this the store saying "no such object" (GET: NoSuchKey, HEAD: a bare 404)? */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/**
 * Photos as objects `<S3_KEY_PREFIX><key>` in one bucket of an S3-compatible
 * store, through the AWS SDK v3. The objects stay private: the API streams
 * them to clients behind its own signed URLs.
 */
export class S3Storage implements MediaStorage {
  readonly client: S3Client;
  private readonly sdk: typeof S3Sdk;

  constructor(private readonly settings: S3Settings) {
    // Loaded here, not at the top: Midway's start-up scan requires every file
    // under server/dist, this one too, and the SDK adds ~9 MB to each process
    // that loads it — the default local store never needs it (docs/performance.md, P3).
    this.sdk = require('@aws-sdk/client-s3') as typeof S3Sdk;
    this.client = new this.sdk.S3Client(settings.client);
  }

  async put(key: string, data: Buffer): Promise<void> {
    // One PUT is atomic in S3: a reader sees the whole object or none.
    await this.client.send(
      new this.sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key), Body: data, ContentType: 'image/jpeg', ContentLength: data.length }),
    );
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const res = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      return (res.Body as Readable | undefined) ?? null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    // S3 answers 204 whether or not the object was there.
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }

  private objectKey(key: string): string {
    return `${this.settings.prefix}${checkStorageKey(key)}`;
  }
}
