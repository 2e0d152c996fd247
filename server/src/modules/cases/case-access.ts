import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { MOVE_PERMISSIONS, type Actor } from '@citycare/shared';
import type { AuthUser } from '../../common/auth-user';
import { can } from '../../common/permissions';
import type { PhotoOwner } from '../media/photo-owner';
import type { CaseDoc } from './case.model';
import { CaseStore } from './case-store';

/** The system (jobs, ratings) or a signed-in person. */
export type Mover = AuthUser | 'system';

/**
 * Which lifecycle actors a caller is for this case: the move permissions
 * (shared roles table) they hold for its station, through the one check `can`.
 */
export function actorsFor(mover: Mover, doc: Pick<CaseDoc, 'stationId'>): Actor[] {
  if (mover === 'system') return ['system'];
  const target = { stationId: doc.stationId.toHexString() };
  return MOVE_PERMISSIONS.filter((permission) => can(mover, permission, target));
}

/** How someone stands to a case; null: not at all (the case is 404 to them). */
export type CaseRelation = 'staff' | 'reporter' | 'follower';

/**
 * Who may see a case: staff of its station (case.queue) and admins see it
 * all; its reporter sees it and its public entries; followers — residents who
 * tapped 我也遇到, and reporters of duplicates merged into it — see its public
 * view only. The case's photos are for staff and its reporter (the `case`
 * PhotoOwner): the public view never shows photos.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseAccess implements PhotoOwner {
  readonly kind = 'case';

  @Inject()
  store!: CaseStore;

  isStaffFor(user: AuthUser, doc: Pick<CaseDoc, 'stationId'>): boolean {
    return can(user, 'case.queue', { stationId: doc.stationId.toHexString() });
  }

  async relationOf(user: AuthUser, doc: Pick<CaseDoc, '_id' | 'reporterId' | 'stationId'>): Promise<CaseRelation | null> {
    if (this.isStaffFor(user, doc)) return 'staff';
    if (doc.reporterId.toHexString() === user.id) return 'reporter';
    const userId = new Types.ObjectId(user.id);
    const [follows, merged] = await Promise.all([this.store.isFollower(doc._id, userId), this.store.hasMergedReport(doc._id, userId)]);
    return follows || merged ? 'follower' : null;
  }

  async canView(user: AuthUser, id: Types.ObjectId): Promise<boolean> {
    const doc = await this.store.storedCase(id);
    return !!doc && (this.isStaffFor(user, doc) || doc.reporterId.toHexString() === user.id);
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.store.cases.exists({ _id: id }));
  }
}
