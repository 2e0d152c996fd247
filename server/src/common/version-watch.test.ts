import type { ListPages } from './list-pages';
import { VERSION_CHECK_MS, VersionWatch } from './version-watch';

/** A stand-in for the versions in the database: `bump` is another process's write. */
function versions() {
  let v = 1;
  const reads: number[] = [];
  const pages = {
    version: async () => {
      reads.push(Date.now());
      return `v${v}`;
    },
    changed: async () => {
      v += 1;
    },
  } as unknown as ListPages;
  return { pages, reads, bump: () => (v += 1) };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('a per-process copy kept in step across processes (VersionWatch)', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('when another process bumps the version, then the copy is dropped at the next check, at most a second later', async () => {
    const { pages, bump } = versions();
    const watch = new VersionWatch<string>(pages, 'things');
    await watch.load(async () => 'first');
    bump();
    expect(watch.current).toBe('first'); // checked less than a second ago: no read
    now += VERSION_CHECK_MS;
    expect(watch.current).toBe('first'); // the check runs in the background; this request does not wait
    await settle();
    expect(watch.current).toBeNull();
  });

  it('when nothing changed, then the copy stays and the version is read at most once a second', async () => {
    const { pages, reads } = versions();
    const watch = new VersionWatch<string>(pages, 'things');
    await watch.load(async () => 'kept');
    expect(reads).toHaveLength(1);
    for (let i = 0; i < 50; i++) {
      now += 100;
      expect(watch.current).toBe('kept');
      await settle();
    }
    expect(reads.length).toBeLessThanOrEqual(1 + 5);
    expect(reads.length).toBeGreaterThanOrEqual(1 + 4);
  });

  it('when a write lands while the copy is being read, then the copy is kept under the old version and dropped at the next check', async () => {
    const { pages, bump } = versions();
    const watch = new VersionWatch<string>(pages, 'things');
    await watch.load(async () => {
      bump(); // written after the version was read, before the data came back
      return 'maybe stale';
    });
    now += VERSION_CHECK_MS;
    void watch.current;
    await settle();
    expect(watch.current).toBeNull();
  });

  it('when this process changes the data, then its copy goes at once', async () => {
    const { pages } = versions();
    const watch = new VersionWatch<string>(pages, 'things');
    await watch.load(async () => 'old');
    await watch.changed();
    expect(watch.current).toBeNull();
  });

  it('when the database is away during a check, then the copy stays and a later check asks again', async () => {
    const { pages, bump } = versions();
    const failing = { ...pages, version: jest.fn().mockRejectedValueOnce(new Error('connection refused')).mockImplementation(pages.version) } as unknown as ListPages;
    const watch = new VersionWatch<string>(failing, 'things');
    watch['copy'] = { version: 'v1', value: 'copy' };
    bump();
    now += VERSION_CHECK_MS;
    void watch.current;
    await settle();
    expect(watch.current).toBe('copy');
    now += VERSION_CHECK_MS;
    void watch.current;
    await settle();
    expect(watch.current).toBeNull();
  });
});
