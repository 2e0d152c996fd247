import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { AuthUser } from '../../common/auth-user';
import { can } from '../../common/permissions';
import type { CaseDoc } from './case.model';
import { CaseTimelineService } from './case-timeline.service';

/**
 * Who may see a case: its reporter (and reporters of cases merged into it),
 * staff of its station, admins. Used by the case routes and by media.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseAccess {
  @Inject()
  timeline!: CaseTimelineService;

  async canViewCase(user: AuthUser, caseId: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(caseId)) return false;
    const doc = await this.timeline.cases.findById(caseId).lean<CaseDoc>();
    return !!doc && (this.isStaffFor(user, doc) || (await this.follows(user, doc)));
  }

  isStaffFor(user: AuthUser, doc: CaseDoc): boolean {
    return can(user, 'case.queue', { stationId: doc.stationId.toHexString() });
  }

  /** Reporter, or reporter of a duplicate merged into this case. */
  async follows(user: AuthUser, doc: CaseDoc): Promise<boolean> {
    if (doc.reporterId.toHexString() === user.id) return true;
    const merged = await this.timeline.cases.exists({
      mergedInto: doc._id,
      reporterId: new Types.ObjectId(user.id),
      status: 'duplicate',
    });
    return !!merged;
  }
}
