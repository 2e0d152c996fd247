import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { env } from '../../config/env';
import type * as S3Module from './s3.storage';
import { checkStorageKey } from './storage-key';

/**
 * Where photo bytes live. Keys are server-generated (content hashes), never
 * client file names. Two adapters: the local folder (default, MEDIA_DIR) and
 * an S3-compatible object store (`s3.storage.ts`: AWS S3, Tencent COS, MinIO…),
 * chosen by MEDIA_STORAGE. Clients never reach the store: photos go out
 * through the API's signed URLs (docs/decisions/0011-photo-object-storage.md).
 */
export interface MediaStorage {
  /** Stores `data` under `key`; writing the same key twice is harmless. */
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes what is stored under `key`; nothing there is fine. */
  remove(key: string): Promise<void>;
}

/** The DI name services inject a MediaStorage by. */
export const MEDIA_STORAGE = 'mediaStorage';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The adapter MEDIA_STORAGE names, built from the environment; a wrong setting stops the start with a readable message. */
export function createMediaStorage(source: NodeJS.ProcessEnv = process.env): MediaStorage {
  const kind = env('MEDIA_STORAGE', source);
  if (kind === 'local') return new LocalFolderStorage(path.resolve(REPO_ROOT, env('MEDIA_DIR', source)));
  if (kind === 's3') {
    // Loaded only when used (s3.storage.ts loads the AWS SDK itself only when constructed).
    const { S3Storage, s3SettingsFrom } = require('./s3.storage') as typeof S3Module;
    return new S3Storage(s3SettingsFrom(source));
  }
  throw new Error(`MEDIA_STORAGE must be local or s3, got "${kind}"`);
}

/** The store every module uses (DI name `mediaStorage`): the adapter MEDIA_STORAGE chose at start-up. */
@Provide(MEDIA_STORAGE)
@Scope(ScopeEnum.Singleton)
export class ConfiguredMediaStorage implements MediaStorage {
  private store!: MediaStorage;

  @Init()
  init() {
    this.store = createMediaStorage();
  }

  put(key: string, data: Buffer) {
    return this.store.put(key, data);
  }

  get(key: string) {
    return this.store.get(key);
  }

  exists(key: string) {
    return this.store.exists(key);
  }

  remove(key: string) {
    return this.store.remove(key);
  }
}

/** Files under MEDIA_DIR, fanned out by the first two characters of the key. */
export class LocalFolderStorage implements MediaStorage {
  constructor(readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write aside, then rename: readers never see half a file, and two
    // uploads of the same photo racing each other both end with a whole one.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(tmp, data, { flag: 'wx' });
      await fs.rename(tmp, file);
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await fs.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    checkStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }
}
