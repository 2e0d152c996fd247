/**
 * Group commit for writes that many requests make alike (list heads, list
 * versions, aggregate marks): a request that asks while such a write is in
 * flight joins the next one, so N concurrent requests cost one or two
 * commands instead of N (each of which FerretDB runs as a read and a write of
 * the same few hot documents, docs/performance.md, P2).
 *
 * `add(items)` resolves once a write that started after the call, and
 * carried every item, is done; it rejects with that write's error. At most
 * one write is in flight at a time.
 */
export class GroupWrites<T> {
  /** The batch gathering items: it starts when the write in flight ends. */
  private gathering: T[] | null = null;
  private gatheringDone: Promise<void> | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(items: Iterable<T>): Promise<void> {
    if (this.gathering === null) {
      const batch: T[] = [];
      this.gathering = batch;
      this.gatheringDone = this.inFlight.then(() => {
        // From here on, new items go to the next batch.
        this.gathering = null;
        return this.write(batch);
      });
      this.inFlight = this.gatheringDone.catch(() => undefined);
    }
    this.gathering.push(...items);
    return this.gatheringDone!;
  }
}
