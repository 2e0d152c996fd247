import type { Model, Types } from 'mongoose';

/**
 * Documents by id, one `_id` lookup each, in parallel. FerretDB does not push
 * `$in` down to its storage (it would read the whole collection), while an
 * `_id` equality is an index lookup on every engine (docs/design.md, "Data rules").
 */
export async function findByIds<T, R = T>(model: Model<T>, ids: ReadonlyArray<Types.ObjectId>, select?: string): Promise<Map<string, R>> {
  const unique = [...new Map(ids.map((id) => [id.toHexString(), id])).values()];
  const docs = await Promise.all(unique.map((_id) => (select ? model.findById(_id).select(select) : model.findById(_id)).lean<R>()));
  return new Map(docs.flatMap((doc, i) => (doc ? [[unique[i].toHexString(), doc as R]] : [])));
}
