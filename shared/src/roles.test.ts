import { appointedTo, ROLES } from './roles';
import { setRoleBody } from './schemas/auth';

// Where an appointment belongs, and the role route's body rule that follows from it.
describe('appointedTo', () => {
  test('officers and leads belong to a station, secretaries to a community, others to neither', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, appointedTo(r)]))).toEqual({
      resident: null,
      officer: 'station',
      lead: 'station',
      secretary: 'community',
      admin: null,
    });
  });

  test('when an appointment lacks where it belongs, then the role body is refused', () => {
    const station = '0123456789abcdef01234567';
    expect(setRoleBody.safeParse({ role: 'lead' }).success).toBe(false);
    expect(setRoleBody.safeParse({ role: 'lead', stationId: station }).success).toBe(true);
    expect(setRoleBody.safeParse({ role: 'secretary', stationId: station }).success).toBe(false);
    expect(setRoleBody.safeParse({ role: 'secretary', community: '嘉麟社区' }).success).toBe(true);
    expect(setRoleBody.safeParse({ role: 'admin' }).success).toBe(true);
  });
});
