/**
 * The k nearest stations without sorting them all: what sorting every
 * candidate by (distanceM, name) and keeping the first k gives, ties kept in
 * the order they were offered (Array.prototype.sort is stable), in O(n·k)
 * with k ≤ NEAREST_LIMIT_MAX.
 */
export class NearestPicker<T> {
  private readonly items: T[] = [];
  private readonly distances: number[] = [];
  private readonly names: string[] = [];
  /** How many candidates were offered (kept or not). */
  offered = 0;

  constructor(private readonly k: number) {}

  offer(item: T, distanceM: number, name: string): void {
    this.offered++;
    let at = this.items.length;
    if (at >= this.k) {
      if (this.k <= 0 || !before(distanceM, name, this.distances[at - 1], this.names[at - 1])) return;
      this.items.pop();
      this.distances.pop();
      this.names.pop();
      at--;
    }
    while (at > 0 && before(distanceM, name, this.distances[at - 1], this.names[at - 1])) at--;
    this.items.splice(at, 0, item);
    this.distances.splice(at, 0, distanceM);
    this.names.splice(at, 0, name);
  }

  /** The kept candidates, nearest first. */
  picks(): Array<{ item: T; distanceM: number }> {
    return this.items.map((item, i) => ({ item, distanceM: this.distances[i] }));
  }
}

/** Strictly before: nearer, or as near with a name that sorts first. */
function before(distanceM: number, name: string, otherM: number, otherName: string): boolean {
  return distanceM < otherM || (distanceM === otherM && name < otherName);
}
