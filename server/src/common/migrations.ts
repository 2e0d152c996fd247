import { Schema } from 'mongoose';
import type { Database } from './database';
import { isDuplicateKey } from './mongo-errors';

interface MigrationRecord {
  _id: string;
  moved: number;
  at: Date;
}

const migrationSchema = new Schema<MigrationRecord>(
  { _id: { type: String, required: true }, moved: { type: Number, required: true }, at: { type: Date, required: true } },
  { collection: 'migrations', versionKey: false },
);

/**
 * Runs each start-up migration once per database: a migration that finished
 * is recorded in `migrations` under its name and skipped from then on. A
 * migration must be safe to run again (two processes may start together).
 */
export async function runMigrations(database: Database, migrations: ReadonlyArray<{ name: string; run(): Promise<number> }>): Promise<void> {
  const done = database.model<MigrationRecord>('Migration', migrationSchema);
  for (const migration of migrations) {
    if (await done.exists({ _id: migration.name })) continue;
    const moved = await migration.run();
    // Two processes starting together both run it; the second upsert meets the first's record.
    await done.updateOne({ _id: migration.name }, { $set: { moved, at: new Date() } }, { upsert: true }).catch((err) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }
}
