import { startTestApi, type TestApi } from '../../../tests/support/api-app';
import { Database } from './database';
import { LIST_PAGE_MAX_AGE_MS, ListPages } from './list-pages';

let api: TestApi;
/** Two "processes": each keeps its own pages; the versions are shared in the database. */
let a: ListPages;
let b: ListPages;

beforeAll(async () => {
  api = await startTestApi(__filename);
  const database = await api.app.getApplicationContext().getAsync(Database);
  a = Object.assign(new ListPages(), { database });
  b = Object.assign(new ListPages(), { database });
}, 60_000);

afterAll(() => api.close());

/** A page whose value counts how often it was computed. */
function counter() {
  let loads = 0;
  return { load: async () => ++loads, get loads() { return loads; } };
}

describe('pages of lists reused until what they show changes', () => {
  it('when a list has no version yet, then its first page is computed and the next one reused', async () => {
    const page = counter();
    expect(await a.read('p1', ['list-new'], page.load)).toBe(1);
    expect(await a.read('p1', ['list-new'], page.load)).toBe(2);
    expect(await a.read('p1', ['list-new'], page.load)).toBe(2);
    expect(page.loads).toBe(2);
  });

  it('when another process changes the list, then this process computes the page again', async () => {
    const page = counter();
    await a.read('p2', ['list-shared'], page.load);
    await a.read('p2', ['list-shared'], page.load);
    const before = page.loads;
    await b.changed(['list-shared']);
    expect(await a.read('p2', ['list-shared'], page.load)).toBe(before + 1);
    expect(await a.read('p2', ['list-shared'], page.load)).toBe(before + 1);
  });

  it('when only one of the lists a page shows changes, then the page is computed again; a page of other lists is not', async () => {
    const both = counter();
    const other = counter();
    for (let i = 0; i < 2; i++) {
      await a.read('p3', ['list-x', 'list-y'], both.load);
      await a.read('p4', ['list-z'], other.load);
    }
    const [bothBefore, otherBefore] = [both.loads, other.loads];
    await a.changed(['list-y']);
    await a.read('p3', ['list-x', 'list-y'], both.load);
    await a.read('p4', ['list-z'], other.load);
    expect(both.loads).toBe(bothBefore + 1);
    expect(other.loads).toBe(otherBefore);
  });

  it('when a write lands while a page is computed, then that page is not reused after the write', async () => {
    let loads = 0;
    const racing = async () => {
      loads += 1;
      if (loads === 2) await b.changed(['list-race']); // the writer's bump comes after the reader read the version
      return loads;
    };
    await a.read('p5', ['list-race'], racing); // no version yet: computed, not kept
    expect(await a.read('p5', ['list-race'], racing)).toBe(2);
    expect(await a.read('p5', ['list-race'], racing)).toBe(3);
    expect(await a.read('p5', ['list-race'], racing)).toBe(3);
  });

  it('when writers in two processes change a list that has no version yet at once, then none of them fails and the page is computed again', async () => {
    const page = counter();
    await a.read('p10', ['list-racing-writers'], page.load);
    await expect(Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).changed(['list-racing-writers', `list-racing-${i}`])))).resolves.toBeDefined();
    await a.read('p10', ['list-racing-writers'], page.load);
    await a.read('p10', ['list-racing-writers'], page.load);
    expect(page.loads).toBe(2);
  });

  it('when several readers miss the same page at once, then it is computed once for all of them', async () => {
    await a.changed(['list-crowd']);
    let loads = 0;
    const slow = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 50));
      return loads;
    };
    const pages = await Promise.all(Array.from({ length: 8 }, () => a.read('p8', ['list-crowd'], slow)));
    expect(pages).toEqual(Array.from({ length: 8 }, () => 1));
    expect(loads).toBe(1);
  });

  it('when a shared computation fails, then every waiting reader gets the error and the next read computes again', async () => {
    await a.changed(['list-failing']);
    let loads = 0;
    const failing = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 20));
      if (loads === 1) throw new Error('storage hiccup');
      return loads;
    };
    const results = await Promise.allSettled([a.read('p9', ['list-failing'], failing), a.read('p9', ['list-failing'], failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await a.read('p9', ['list-failing'], failing)).toBe(2);
  });

  it('when every list changed (a rebuild), then no page computed before is reused', async () => {
    const page = counter();
    await a.read('p6', ['list-rebuilt'], page.load);
    await a.read('p6', ['list-rebuilt'], page.load);
    const before = page.loads;
    await b.allChanged();
    expect(await a.read('p6', ['list-rebuilt'], page.load)).toBe(before + 1);
  });

  it('when a page is older than the longest reuse, then it is computed again even though nothing changed', async () => {
    const page = counter();
    await a.read('p7', ['list-old'], page.load);
    await a.read('p7', ['list-old'], page.load);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + LIST_PAGE_MAX_AGE_MS + 1;
      expect(await a.read('p7', ['list-old'], page.load)).toBe(page.loads);
      expect(page.loads).toBe(3);
    } finally {
      Date.now = realNow;
    }
  });
});
