import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { env } from '../../config/env';

/**
 * Where photo bytes live. Keys are server-generated (content hashes), never
 * client file names. The local folder is the default; an S3-compatible
 * object store (COS) implements the same three calls in production.
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
const KEY_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Files under MEDIA_DIR, fanned out by the first two characters of the key. */
@Provide(MEDIA_STORAGE)
@Scope(ScopeEnum.Singleton)
export class LocalFolderStorage implements MediaStorage {
  root = '';

  @Init()
  init() {
    this.root = path.resolve(REPO_ROOT, env('MEDIA_DIR'));
  }

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
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid media storage key "${key}"`);
    return path.join(this.root, key.slice(0, 2), key);
  }
}
