import type { ListPages } from './list-pages';
import { VERSION_CHECK_MS, VersionWatch } from './version-watch';

/** A stand-in for the versions in the database: `bump` is another process's write. */
function versions() {
  let v = 1;
  const reads: number[] = [];
  const pages = {
    version: jest.fn(async () => {
      reads.push(Date.now());
      return `v${v}`;
    }),
    changed: jest.fn(async () => {
      v += 1;
    }),
  };
  return { pages: pages as unknown as ListPages, mock: pages, reads, bump: () => (v += 1) };
}

const MAX_AGE_MS = 30_000;

describe('a per-process copy kept in step across processes (VersionWatch)', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('when another process bumps the version, then the first read a second later, however quiet the process was, sees the copy gone', async () => {
    const { pages, bump } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => 'first');
    bump();
    expect(await watch.current()).toBe('first'); // checked less than a second ago: no read
    now += 10 * VERSION_CHECK_MS; // nobody asked for ten seconds
    expect(await watch.current()).toBeNull();
  });

  it('when nothing changed, then the copy stays and the version is read at most once a second, once for readers arriving together', async () => {
    const { pages, reads } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => 'kept');
    expect(reads).toHaveLength(1);
    for (let i = 0; i < 50; i++) {
      now += 100;
      expect(await Promise.all([watch.current(), watch.current(), watch.current()])).toEqual(['kept', 'kept', 'kept']);
    }
    expect(reads).toHaveLength(1 + 5);
  });

  it('when a write in another process lands while the copy is being read, then the copy is kept under the old version and dropped at the next check', async () => {
    const { pages, bump } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => {
      bump(); // written after the version was read, before the data came back
      return 'maybe stale';
    });
    now += VERSION_CHECK_MS;
    expect(await watch.current()).toBeNull();
  });

  it('when this process changes the data while a load is running, then that load does not keep what it read', async () => {
    const { pages } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    let release!: () => void;
    const loading = watch.load(() => new Promise<string>((r) => (release = () => r('read before the change'))));
    await new Promise((r) => setImmediate(r));
    await watch.changed();
    release();
    expect(await loading).toBe('read before the change');
    expect(await watch.current()).toBeNull();
  });

  it('when the version cannot be bumped after a change, then the change still succeeds here and the copy is gone', async () => {
    const { pages, mock } = versions();
    mock.changed.mockRejectedValueOnce(new Error('connection refused'));
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => 'old');
    await expect(watch.changed()).resolves.toBeUndefined();
    expect(await watch.current()).toBeNull();
  });

  it('when the database is away during a check, then the copy stays and is checked again a second later', async () => {
    const { pages, mock, bump } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => 'copy');
    mock.version.mockRejectedValueOnce(new Error('connection refused'));
    bump();
    now += VERSION_CHECK_MS;
    expect(await watch.current()).toBe('copy');
    expect(await watch.current()).toBe('copy'); // not asked again at once
    now += VERSION_CHECK_MS;
    expect(await watch.current()).toBeNull();
  });

  it('when the copy is older than its age limit, then it is gone whatever its version says', async () => {
    const { pages } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    await watch.load(async () => 'aged');
    now += MAX_AGE_MS - 1;
    expect(await watch.current()).toBe('aged');
    now += 1;
    expect(await watch.current()).toBeNull();
  });

  it('when readers miss together, then one load serves them all; after a change here, the next reader loads again', async () => {
    const { pages } = versions();
    const watch = new VersionWatch<string>(pages, 'things', MAX_AGE_MS);
    let reads = 0;
    const read = jest.fn(async (): Promise<string> => `read ${++reads}`);
    expect(await Promise.all([watch.get(read), watch.get(read), watch.get(read)])).toEqual(['read 1', 'read 1', 'read 1']);
    expect(await watch.get(read)).toBe('read 1');
    expect(read).toHaveBeenCalledTimes(1);
    await watch.changed();
    expect(await watch.get(read)).toBe('read 2');
  });
});
