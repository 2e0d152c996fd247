import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { ListPages } from '../../common/list-pages';
import { OrdinalLists } from '../../common/ordinal-list';
import type { CaseDoc } from './case.model';
import { CaseAggregates } from './case-aggregates';
import { derivedFields } from './case-derived';
import { PositionCounter } from './case-positions';
import { CaseStore } from './case-store';

/**
 * Rebuilds everything derived from the cases — their list positions and
 * derived fields, the lists' heads, the queue and tally counts — from the
 * cases themselves (`npm run db:rebuild`; a start-up migration on a database
 * from before they existed). Safe to run again; meant for a quiet moment.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseRebuild {
  @Inject()
  store!: CaseStore;

  @Inject()
  lists!: OrdinalLists;

  @Inject()
  aggregates!: CaseAggregates;

  @Inject()
  pages!: ListPages;

  async run(options: { positions?: boolean } = {}): Promise<{ cases: number; aggregates: number }> {
    let cases = 0;
    if (options.positions ?? true) {
      const counter = new PositionCounter();
      const cursor = this.store.cases.find().sort({ createdAt: 1, _id: 1 }).lean<CaseDoc[]>().cursor();
      for await (const doc of cursor as AsyncIterable<CaseDoc>) {
        const positioned = { ...doc, ...counter.take(doc) };
        await this.store.cases.updateOne({ _id: doc._id }, { $set: { mineK: positioned.mineK, stationK: positioned.stationK, cityK: positioned.cityK, ...derivedFields(positioned) } });
        cases += 1;
      }
      for (const [list, n] of counter.heads()) await this.lists.setHead(list, n);
    }
    const aggregates = await this.aggregates.rebuildAll();
    // Cases were written here (or loaded in bulk before): no page computed earlier is reused.
    await this.pages.allChanged();
    return { cases, aggregates };
  }
}
