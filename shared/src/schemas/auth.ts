import { z } from 'zod';
import { appointedTo, ROLES } from '../roles';
import { OBJECT_ID_PATTERN } from '../validation';

/** A code from wx.login or the phone-number button: opaque, short, printable. */
const wechatCode = z.string({ error: 'VALIDATION_FAILED' }).trim().min(1).max(128).regex(/^[\x21-\x7e]+$/);

/** POST /api/auth/wechat */
export const wechatLoginBody = z.strictObject({ code: wechatCode });

/** POST /api/me/phone */
export const bindPhoneBody = z.strictObject({ code: wechatCode });

/** POST /api/auth/dev — only with DEV_LOGIN=1, never in production. */
export const devLoginBody = z.strictObject({ openid: z.string().min(1).max(64) });

/** PUT /api/me/community — the community whose notices a resident reads (one served by a station). */
export const setCommunityBody = z.strictObject({
  community: z.string().trim().min(1).max(40),
});
export type SetCommunityBody = z.output<typeof setCommunityBody>;

/** PATCH /api/me — what a user may change about themselves (never role, station or community). */
export const updateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(40),
});

/** PUT /api/admin/users/:id/role — an admin makes someone staff (or a resident again). */
export const setRoleBody = z
  .strictObject({
    role: z.enum(ROLES),
    stationId: z.string().regex(OBJECT_ID_PATTERN).nullable().optional(),
    community: z.string().trim().min(1).max(40).nullable().optional(),
  })
  .refine((b) => appointedTo(b.role) !== 'station' || !!b.stationId, {
    error: 'VALIDATION_FAILED',
    path: ['stationId'],
  })
  .refine((b) => appointedTo(b.role) !== 'community' || !!b.community, { error: 'VALIDATION_FAILED', path: ['community'] });
