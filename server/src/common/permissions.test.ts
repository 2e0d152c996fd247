import { PERMISSIONS, ROLES, type Permission, type Role } from '@citycare/shared';
import type { AuthUser } from './auth-user';
import { can } from './permissions';

const user = (role: Role): AuthUser => ({ id: 'u1', role, stationId: 's1', community: '嘉麟社区', openid: 'o1' });

// What each scope grants, written out: [own target, someone else's target].
const ownTarget = { ownerId: 'u1', stationId: 's1', community: '嘉麟社区' };
const otherTarget = { ownerId: 'u2', stationId: 's2', community: '平桥村' };
const EXPECTED: Record<string, [boolean, boolean]> = {
  city: [true, true],
  station: [true, false],
  community: [true, false],
  own: [true, false],
  none: [false, false],
};

describe('can(): every role × every permission × own and foreign targets', () => {
  const rows = ROLES.flatMap((role) => (Object.keys(PERMISSIONS) as Permission[]).map((permission) => [role, permission] as const));

  it.each(rows)('when a %s asks for %s, then the table scope decides', (role, permission) => {
    const scope = (PERMISSIONS[permission] as Partial<Record<Role, string>>)[role] ?? 'none';
    const [own, other] = EXPECTED[scope];
    const target = (t: typeof ownTarget) =>
      scope === 'own' ? { ownerId: t.ownerId } : scope === 'station' ? { stationId: t.stationId } : scope === 'community' ? { community: t.community } : t;
    expect(can(user(role), permission, target(ownTarget))).toBe(own);
    expect(can(user(role), permission, target(otherTarget))).toBe(other);
  });

  it('when a station-scoped role has no station, then it holds nothing', () => {
    expect(can({ ...user('officer'), stationId: null }, 'case.queue', {})).toBe(false);
    expect(can({ ...user('secretary'), community: null }, 'notice.manage', {})).toBe(false);
  });
});

describe('the table as it stands', () => {
  it('when a resident asks for any staff permission, then no', () => {
    for (const p of ['case.queue', 'case.handle', 'case.transfer', 'case.reopen', 'case.internal', 'user.manage'] as Permission[]) {
      expect(can(user('resident'), p, { stationId: 's1' })).toBe(false);
    }
  });

  it('when officers and leads differ, then only leads transfer and reopen', () => {
    expect(can(user('officer'), 'case.handle', { stationId: 's1' })).toBe(true);
    expect(can(user('officer'), 'case.transfer', { stationId: 's1' })).toBe(false);
    expect(can(user('officer'), 'case.reopen', { stationId: 's1' })).toBe(false);
    expect(can(user('lead'), 'case.transfer', { stationId: 's1' })).toBe(true);
    expect(can(user('lead'), 'case.reopen', { stationId: 's1' })).toBe(true);
  });
});
