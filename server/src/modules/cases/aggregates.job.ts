import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { CaseAggregates } from './case-aggregates';

/** Brings the queue and tally counts up to date with recent case changes (readers also do, for their own scope). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AggregatesJob {
  @Inject()
  aggregates!: CaseAggregates;

  runOnce(): Promise<number> {
    return this.aggregates.refresh({}, false);
  }
}
