import { permissionScope, type Permission } from '@citycare/shared';
import type { AuthUser } from './auth-user';
import { AppError } from './app-error';

/** What a permission is checked against: whose it is, which station, which community. */
export interface PermissionTarget {
  ownerId?: string | null;
  stationId?: string | null;
  community?: string | null;
}

/**
 * The one permission check. The role's scope for the permission (shared/roles.ts)
 * decides: city → always; station → the target's station is the user's;
 * community → the target's community is the user's; own → the user owns it
 * (or, with no owner yet, is creating it).
 */
export function can(user: AuthUser, permission: Permission, target: PermissionTarget = {}): boolean {
  switch (permissionScope(user.role, permission)) {
    case 'city':
      return true;
    case 'station':
      return !!user.stationId && (target.stationId === undefined || target.stationId === user.stationId);
    case 'community':
      return !!user.community && (target.community === undefined || target.community === user.community);
    case 'own':
      return target.ownerId === undefined || target.ownerId === user.id;
    default:
      return false;
  }
}

/** Throws FORBIDDEN unless `can` says yes. */
export function authorize(user: AuthUser, permission: Permission, target?: PermissionTarget): void {
  if (!can(user, permission, target)) throw new AppError('FORBIDDEN');
}
