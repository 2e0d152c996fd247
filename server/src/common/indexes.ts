import type { Schema } from 'mongoose';
import type { Database } from './database';
import { STATION_MODEL, stationSchema } from '../modules/stations/station.model';
import { USER_MODEL, userSchema } from '../modules/users/user.model';
import { SESSION_MODEL, sessionSchema } from '../modules/auth/session.model';

/**
 * Every model whose indexes must exist before the app serves requests.
 * Unique indexes carry the invariants concurrency could break (DESIGN.md §3),
 * so they are created at start-up, not lazily.
 */
const MODELS: Array<[string, Schema<any>]> = [
  [STATION_MODEL, stationSchema],
  [USER_MODEL, userSchema],
  [SESSION_MODEL, sessionSchema],
];

export async function ensureIndexes(database: Database): Promise<void> {
  for (const [name, schema] of MODELS) {
    await database.model(name, schema).createIndexes();
  }
}
