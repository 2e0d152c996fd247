import type { ListPages } from './list-pages';

/** How often a process asks whether another one changed what it keeps a copy of. */
export const VERSION_CHECK_MS = 1_000;

/**
 * Keeps a per-process copy of rarely changed data (the categories, the
 * station directory) in step with the other API processes. Writers bump the
 * copy's version after writing (`ListPages.changed`); the loader reads the
 * version before it reads the data (`load`), so a write that lands meanwhile
 * leaves the copy under an old version. Readers call `check` on every use: at
 * most once per VERSION_CHECK_MS, in the background (the request does not
 * wait), it reads the version and drops the copy when it changed. Another
 * process's change is therefore seen within about a second, not after the
 * copy's whole lifetime.
 */
export class VersionWatch<T> {
  private copy: { version: string; value: T } | null = null;
  private checkedAt = 0;
  private checking = false;

  constructor(
    private readonly pages: ListPages,
    private readonly list: string,
  ) {}

  /** The copy, when there is one and no check found it out of date. */
  get current(): T | null {
    this.check();
    return this.copy?.value ?? null;
  }

  /** Reads the data under its version, and keeps it as the copy. */
  async load(read: () => Promise<T>): Promise<T> {
    const version = await this.pages.version(this.list);
    const value = await read();
    this.copy = { version, value };
    this.checkedAt = Date.now();
    return value;
  }

  /** This process changed the data: the copy goes now, and other processes see the new version. */
  async changed(): Promise<void> {
    this.copy = null;
    await this.pages.changed([this.list]);
  }

  /** Drops the copy (this process only). */
  drop(): void {
    this.copy = null;
  }

  private check(): void {
    if (this.checking || !this.copy || Date.now() - this.checkedAt < VERSION_CHECK_MS) return;
    this.checking = true;
    this.checkedAt = Date.now();
    const seen = this.copy;
    this.pages
      .version(this.list)
      .then((version) => {
        if (version !== seen.version && this.copy === seen) this.copy = null;
      })
      .catch(() => undefined) // the database away: the copy stays until it lapses, and the next check asks again
      .finally(() => {
        this.checking = false;
      });
  }
}
