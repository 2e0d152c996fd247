import { startTestApi, type TestApi } from '../../../tests/support/api-app';
import { Database } from './database';
import { OrdinalLists } from './ordinal-list';

let api: TestApi;
/** Two "processes": each with its own memory of the last position it claimed. */
let a: OrdinalLists;
let b: OrdinalLists;

beforeAll(async () => {
  api = await startTestApi(__filename);
  const database = await api.app.getApplicationContext().getAsync(Database);
  a = Object.assign(new OrdinalLists(), { database });
  b = Object.assign(new OrdinalLists(), { database });
}, 60_000);

afterAll(() => api.close());

describe('positions in a list', () => {
  it('when 12 appends race in two processes, then positions 1–12 are each given once', async () => {
    const got = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).claim('race')));
    expect([...got].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await a.head('race')).toBe(12);
  });

  it('when 12 appends to the same three lists race in two processes, then each list gives positions 1–12 once and the heads say 12', async () => {
    const lists = ['three-a', 'three-b', 'three-c'];
    const got = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).claimAll(lists)));
    for (const [j, list] of lists.entries()) {
      expect(got.map((ks) => ks[j]).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await a.head(list)).toBe(12);
    }
  });

  it('when one process claimed many while the other was idle, then the idle one jumps ahead instead of trying each', async () => {
    await a.claim('idle');
    await b.claim('idle');
    for (let i = 0; i < 30; i++) await b.claim('idle');
    expect(await a.claim('idle')).toBe(33);
  });

  it('when 10 appends race in one process, then each takes its own position at the first try (one insert each)', async () => {
    const inserts = jest.spyOn(a as unknown as { insertSlots: () => Promise<Set<number>> }, 'insertSlots');
    try {
      const got = await Promise.all(Array.from({ length: 10 }, () => a.claimAll(['burst-a', 'burst-b'])));
      for (const j of [0, 1]) expect(got.map((ks) => ks[j]).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(inserts).toHaveBeenCalledTimes(10);
      expect(await b.head('burst-a')).toBe(10);
    } finally {
      inserts.mockRestore();
    }
  });

  it('when the database fails a claim, then the next claim gets that position (no gap is left)', async () => {
    await a.claim('failing');
    const inserts = jest.spyOn(a as unknown as { insertSlots: () => Promise<Set<number>> }, 'insertSlots').mockRejectedValueOnce(new Error('connection reset'));
    try {
      await expect(a.claim('failing')).rejects.toThrow('connection reset');
    } finally {
      inserts.mockRestore();
    }
    expect(await a.claim('failing')).toBe(2);
  });

  it('when the head is set after a rebuild, then the next position follows it', async () => {
    await a.setHead('rebuilt', 500);
    expect(await a.claim('rebuilt')).toBe(501);
    expect(await b.head('rebuilt')).toBe(501);
  });
});
