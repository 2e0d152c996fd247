import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppError } from '../../common/app-error';
import type { CaseDoc } from './case.model';
import { CaseMovesService } from './case-moves.service';
import { CaseStore } from './case-store';

export const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3600 * 1000;
const BATCH = 200;

/** Closes cases resolved more than 7 days ago that no rating closed or reopened (unrated, or rated 3). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AutoCloseJob {
  @Inject()
  store!: CaseStore;

  @Inject()
  moves!: CaseMovesService;

  async runOnce(now = new Date()): Promise<number> {
    const stale = await this.store.cases
      .find({ status: 'resolved', resolvedAt: { $lte: new Date(now.getTime() - AUTO_CLOSE_AFTER_MS) } })
      .limit(BATCH)
      .lean<CaseDoc[]>();
    let closed = 0;
    for (const doc of stale) {
      try {
        await this.moves.apply(doc, 'close', 'system', {}, now);
        closed += 1;
      } catch (err) {
        // Someone moved it meanwhile (rated, reopened): nothing to close.
        if (!(err instanceof AppError && (err.code === 'CONCURRENT_UPDATE' || err.code === 'ILLEGAL_TRANSITION'))) throw err;
      }
    }
    return closed;
  }
}
