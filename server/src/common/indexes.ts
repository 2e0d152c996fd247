import type { Model, Schema } from 'mongoose';
import type { Database } from './database';

/**
 * Creates every model's indexes before the app serves requests. Unique
 * indexes carry the invariants concurrency could break (docs/design.md,
 * "Data rules"), so they are created at start-up, not lazily.
 */
export async function ensureIndexes(database: Database, models: ReadonlyArray<readonly [string, Schema<any>]>): Promise<void> {
  for (const [name, schema] of models) {
    const model: Model<unknown> = database.model(name, schema);
    await model.createIndexes();
  }
}
