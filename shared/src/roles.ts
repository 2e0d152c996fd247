// Roles and the named permissions each one holds. Officers and leads act for
// one station, secretaries for one community, admins for the whole city; the
// server's one permission check (server/src/common/permissions.ts) applies
// the scope. Residents act on what they own.

export const ROLES = ['resident', 'officer', 'lead', 'secretary', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  officer: '城管队员',
  lead: '带队人员',
  secretary: '社区书记',
  admin: '城管局管理员',
};

/** Where a permission applies: the user's station, community, own things, or anywhere. */
export type PermissionScope = 'own' | 'station' | 'community' | 'city';

export const PERMISSIONS = {
  'case.create': { resident: 'own', secretary: 'community', officer: 'station', lead: 'station', admin: 'city' },
  // Reading a case is the station's (case.queue) or its followers' (the reporter, 我也遇到).
  'case.queue': { officer: 'station', lead: 'station', admin: 'city' },
  'case.internal': { officer: 'station', lead: 'station', admin: 'city' },
  'case.reply': { officer: 'station', lead: 'station', admin: 'city' },
  'case.handle': { officer: 'station', lead: 'station', admin: 'city' },
  'case.transfer': { lead: 'station', admin: 'city' },
  'case.reopen': { lead: 'station', admin: 'city' },
  'case.rate': { resident: 'own', secretary: 'own' },
  // 我也遇到: a resident follows a case someone else reported (its public view).
  'case.follow': { resident: 'own', secretary: 'own' },
  'media.upload': { resident: 'own', secretary: 'own', officer: 'own', lead: 'own', admin: 'own' },
  'user.manage': { admin: 'city' },
  // The bureau: stations (and their wall of officers on duty), categories and their deadlines.
  'station.manage': { admin: 'city' },
  'category.manage': { admin: 'city' },
  // Open days and meetings: leads run their station's, anyone signed in books.
  'event.manage': { lead: 'station', admin: 'city' },
  'event.book': { resident: 'own', secretary: 'own', officer: 'own', lead: 'own', admin: 'own' },
  'event.checkin': { officer: 'station', lead: 'station', admin: 'city' },
  'notice.manage': { secretary: 'community', admin: 'city' },
  'patrol.write': { officer: 'station', lead: 'station', admin: 'city' },
  'patrol.read': { lead: 'station', admin: 'city' },
  'zone.manage': { lead: 'station', admin: 'city' },
  'figures.read': { secretary: 'community', lead: 'station', admin: 'city' },
  'hotline.import': { admin: 'city' },
} as const satisfies Record<string, Partial<Record<Role, PermissionScope>>>;

export type Permission = keyof typeof PERMISSIONS;

/** The scope in which `role` holds `permission`, or undefined when it does not hold it. */
export function permissionScope(role: Role, permission: Permission): PermissionScope | undefined {
  return (PERMISSIONS[permission] as Partial<Record<Role, PermissionScope>>)[role];
}

/** Where an appointment to `role` belongs: officers and leads to a station, secretaries to a community. */
export function appointedTo(role: Role): 'station' | 'community' | null {
  if (role === 'officer' || role === 'lead') return 'station';
  return role === 'secretary' ? 'community' : null;
}

export const isStaffRole = (role: Role): boolean => role === 'officer' || role === 'lead' || role === 'admin';

/** 138****1234: phone numbers as everyone but their owner sees them. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
