import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AUTO_CLOSE_AFTER_MS, chinaDate } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { CaseDoc } from './case.model';
import { CaseAggregates } from './case-aggregates';
import { CITY_SCOPE } from './case-derived';
import { CaseMovesService } from './case-moves.service';
import { CaseStore } from './case-store';

/**
 * Closes cases resolved more than 7 days ago that no rating closed or
 * reopened (unrated, or rated 3). It reads only the days that fall due
 * (the "r" counts of case-aggregates.ts), never every resolved case.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AutoCloseJob {
  @Inject()
  store!: CaseStore;

  @Inject()
  aggregates!: CaseAggregates;

  @Inject()
  moves!: CaseMovesService;

  async runOnce(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - AUTO_CLOSE_AFTER_MS);
    let closed = 0;
    for (const { day } of await this.aggregates.days('r', CITY_SCOPE)) {
      if (day > chinaDate(now)) break;
      const due = await this.store.cases.find({ closeDue: `${CITY_SCOPE}|${day}` }).lean<CaseDoc[]>();
      for (const doc of due) {
        if (doc.status !== 'resolved' || !doc.resolvedAt || doc.resolvedAt > cutoff) continue;
        try {
          await this.moves.apply(doc, 'close', 'system', {}, now);
          closed += 1;
        } catch (err) {
          // Someone moved it meanwhile (rated, reopened): nothing to close.
          if (!(err instanceof AppError && (err.code === 'CONCURRENT_UPDATE' || err.code === 'ILLEGAL_TRANSITION'))) throw err;
        }
      }
    }
    return closed;
  }
}
