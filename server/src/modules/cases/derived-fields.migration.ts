import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Migration } from '../manifest';
import { CaseAggregates } from './case-aggregates';
import { CaseRebuild } from './case-rebuild';

/** A database from before list positions, derived keys and counts existed gets them once. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DerivedFieldsMigration implements Migration {
  // v3: purgeFrom (the retention job's key).
  readonly name = 'case-derived-v3';

  @Inject()
  rebuild!: CaseRebuild;

  async run(): Promise<number> {
    return (await this.rebuild.run()).cases;
  }
}

/** Queue and close counts stop carrying a month, so a month of tallies is read without them. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TallyMonthMigration implements Migration {
  readonly name = 'case-aggregates-month-v1';

  @Inject()
  aggregates!: CaseAggregates;

  run(): Promise<number> {
    return this.aggregates.monthOnTalliesOnly();
  }
}
