import { GroupWrites } from './group-writes';

/** A write that stays in flight until released, recording what each write carried. */
function gatedWrites() {
  const writes: string[][] = [];
  const releases: Array<(err?: Error) => void> = [];
  const group = new GroupWrites<string>(
    (items) =>
      new Promise<void>((resolve, reject) => {
        writes.push(items);
        releases.push((err) => (err ? reject(err) : resolve()));
      }),
  );
  return { group, writes, release: (i: number, err?: Error) => releases[i](err) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit (GroupWrites)', () => {
  it('when requests arrive while a write is in flight, then they share the next write, which starts after the first ends', async () => {
    const { group, writes, release } = gatedWrites();
    const first = group.add(['a']);
    await tick();
    expect(writes).toEqual([['a']]);
    const second = group.add(['b']);
    const third = group.add(['c', 'b']);
    await tick();
    expect(writes).toHaveLength(1); // nothing starts while one is in flight
    release(0);
    await first;
    await tick();
    expect(writes).toEqual([['a'], ['b', 'c', 'b']]);
    let settled = false;
    void Promise.all([second, third]).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // resolved only once their own write is done
    release(1);
    await Promise.all([second, third]);
  });

  it('when a write fails, then only the requests it carried get the error, and the next write goes ahead', async () => {
    const { group, writes, release } = gatedWrites();
    const first = group.add(['a']);
    await tick();
    const second = group.add(['b']);
    release(0, new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await tick();
    expect(writes[1]).toEqual(['b']);
    release(1);
    await expect(second).resolves.toBeUndefined();
    const third = group.add(['c']);
    await tick();
    release(2);
    await expect(third).resolves.toBeUndefined();
    expect(writes).toEqual([['a'], ['b'], ['c']]);
  });

  it('when requests come one at a time, then each gets a write of its own', async () => {
    const seen: string[][] = [];
    const group = new GroupWrites<string>(async (items) => {
      seen.push(items);
    });
    await group.add(['x']);
    await group.add(['y']);
    expect(seen).toEqual([['x'], ['y']]);
  });
});
