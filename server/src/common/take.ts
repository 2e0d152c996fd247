/** The first `count` items of an async list that pass `keep`. */
export async function take<T>(items: AsyncIterable<T>, count: number, keep: (item: T) => boolean = () => true): Promise<T[]> {
  const found: T[] = [];
  if (count <= 0) return found;
  for await (const item of items) {
    if (!keep(item)) continue;
    found.push(item);
    if (found.length >= count) break;
  }
  return found;
}
