import { permissionScope, type Permission } from '@citycare/shared';
import { useAppState } from '../store/app-store';

/** Whether the signed-in person's role holds `permission` at all (the one table: shared/src/roles.ts). */
export function useCan(permission: Permission): boolean {
  return useAppState((s) => !!s.role && !!permissionScope(s.role, permission));
}
