import { randomUUID } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Schema, type Model } from 'mongoose';
import { Database } from './database';
import { isDuplicateKey } from './mongo-errors';

interface ClaimDoc {
  _id: string;
  owner: string;
  until: Date;
}

export const CLAIM_MODEL = 'Claim';

export const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, until: { type: Date, required: true } },
  { collection: 'claims', versionKey: false },
);

/**
 * Short exclusive claims on a name, across every API process: a unique
 * insert wins the claim; it lapses at `until`, so a process that died while
 * holding one blocks the others only that long.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Claims {
  @Inject()
  database!: Database;

  private get model(): Model<ClaimDoc> {
    return this.database.model<ClaimDoc>(CLAIM_MODEL, claimSchema);
  }

  /** Runs `work` holding the claim `name`; null, without running it, when someone else holds it. */
  async run<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
    const owner = randomUUID();
    if (!(await this.take(name, owner, ttlMs))) return null;
    try {
      return await work();
    } finally {
      await this.model.deleteOne({ _id: name, owner });
    }
  }

  private async take(name: string, owner: string, ttlMs: number): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.model.create({ _id: name, owner, until: new Date(Date.now() + ttlMs) });
        return true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // Held: clear it only if it has lapsed, then try once more (whoever inserts first wins).
      const { deletedCount } = await this.model.deleteOne({ _id: name, until: { $lt: new Date() } });
      if (deletedCount === 0) return false;
    }
    return false;
  }
}
