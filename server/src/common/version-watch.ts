import type { ListPages } from './list-pages';

/** How old a copy's last check may be before a reader checks it again. */
export const VERSION_CHECK_MS = 1_000;

/**
 * Keeps a per-process copy of rarely changed data (the categories, the
 * station directory) in step with the other API processes. Writers bump the
 * copy's version after writing (`changed`, through `ListPages.changed`); the
 * loader reads the version before it reads the data (`load`), so a write that
 * lands meanwhile leaves the copy under an old version. A reader whose copy
 * was last checked more than VERSION_CHECK_MS ago reads the version first
 * (one `_id` lookup, shared by the readers that arrive meanwhile) and drops
 * the copy when it changed: another process's change is seen within about a
 * second, however quiet this process was, instead of after the copy's whole
 * lifetime. A copy is also dropped once older than `maxAgeMs`, whatever its
 * version says (a writer that died before its bump).
 */
export class VersionWatch<T> {
  private copy: { version: string; value: T; loadedAt: number } | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private loading: Promise<T> | null = null;
  /** Raised by every change and drop: a load that started before one does not keep what it read. */
  private generation = 0;

  constructor(
    private readonly pages: ListPages,
    private readonly list: string,
    private readonly maxAgeMs: number,
  ) {}

  /** The copy, when there is one younger than maxAgeMs and its version is still current (checked at most once per VERSION_CHECK_MS). */
  async current(): Promise<T | null> {
    if (this.copy && Date.now() - this.copy.loadedAt >= this.maxAgeMs) this.copy = null;
    if (this.copy && Date.now() - this.checkedAt >= VERSION_CHECK_MS) {
      await (this.checking ??= this.check().finally(() => {
        this.checking = null;
      }));
    }
    return this.copy?.value ?? null;
  }

  /** The copy when it is current, else `read` (under its version), run once for all the readers that miss together. */
  async get(read: () => Promise<T>): Promise<T> {
    const copy = await this.current();
    if (copy !== null) return copy;
    const loading = (this.loading ??= this.load(read).finally(() => {
      if (this.loading === loading) this.loading = null;
    }));
    return loading;
  }

  /** Reads the data under its version, and keeps it as the copy unless this process changed the data meanwhile. */
  async load(read: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    const version = await this.pages.version(this.list);
    const value = await read();
    if (generation === this.generation) {
      this.copy = { version, value, loadedAt: Date.now() };
      this.checkedAt = this.copy.loadedAt;
    }
    return value;
  }

  /**
   * This process changed the data (after its write): the copy goes now, and
   * other processes see a new version. The write is done by then, so a failed
   * bump is not the writer's error: other copies still lapse at their age limit.
   */
  async changed(): Promise<void> {
    this.drop();
    await this.pages.changed([this.list]).catch(() => undefined);
  }

  /** Drops the copy (this process only); a load already running read the data before, so later readers start another. */
  drop(): void {
    this.copy = null;
    this.loading = null;
    this.generation += 1;
  }

  private async check(): Promise<void> {
    const seen = this.copy;
    try {
      const version = await this.pages.version(this.list);
      if (seen && version !== seen.version && this.copy === seen) this.copy = null;
    } catch {
      // The database away: the copy is kept until its age limit, and checked again after VERSION_CHECK_MS.
    } finally {
      this.checkedAt = Date.now();
    }
  }
}
