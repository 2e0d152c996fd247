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

/**
 * Who may see a case: staff of its station (case.queue), admins, and its
 * followers — its reporter and reporters of duplicates merged into it.
 * Cases' photos are visible to the same people (the `case` PhotoOwner).
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

  /** Reporter, or reporter of a duplicate merged into this case. */
  async follows(user: AuthUser, doc: Pick<CaseDoc, '_id' | 'reporterId'>): Promise<boolean> {
    if (doc.reporterId.toHexString() === user.id) return true;
    return this.store.hasMergedReport(doc._id, new Types.ObjectId(user.id));
  }

  async canView(user: AuthUser, id: Types.ObjectId): Promise<boolean> {
    const doc = await this.store.storedCase(id);
    return !!doc && (this.isStaffFor(user, doc) || (await this.follows(user, doc)));
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.store.cases.exists({ _id: id }));
  }
}
