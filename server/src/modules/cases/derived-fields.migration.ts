import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Migration } from '../manifest';
import type { CaseDoc } from './case.model';
import { derivedFields } from './case-derived';
import { CaseStore } from './case-store';

/** Fills the derived fields (case-derived.ts) of cases written before they existed. Safe to run again. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DerivedFieldsMigration implements Migration {
  readonly name = 'case-derived-fields-v1';

  @Inject()
  store!: CaseStore;

  async run(): Promise<number> {
    let updated = 0;
    const cursor = this.store.cases.find().select('status category lat lng').lean<CaseDoc[]>().cursor();
    for await (const doc of cursor as AsyncIterable<CaseDoc>) {
      await this.store.cases.updateOne({ _id: doc._id }, { $set: derivedFields(doc) });
      updated += 1;
    }
    return updated;
  }
}
