import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CaseDoc } from './case.model';
import { CaseMovesService } from './case-moves.service';
import { CaseTimelineService } from './case-timeline.service';
import { AppError } from '../../common/app-error';

export const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Closes cases resolved more than 7 days ago that the reporter never rated. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AutoCloseJob {
  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  moves!: CaseMovesService;

  async runOnce(now = new Date()): Promise<number> {
    const stale = await this.timeline.cases
      .find({ status: 'resolved', rating: null, resolvedAt: { $lte: new Date(now.getTime() - AUTO_CLOSE_AFTER_MS) } })
      .limit(200)
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
