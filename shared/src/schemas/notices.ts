import { z } from 'zod';
import { objectIdString, queryInt } from '../validation';

export * from '../notice-rules';
import { MAX_NOTICE_BODY_CHARS, MAX_NOTICE_PHOTOS, MAX_NOTICE_TITLE_CHARS } from '../notice-rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const photos = z.array(objectIdString('VALIDATION_FAILED')).max(MAX_NOTICE_PHOTOS);
/** When the notice stops showing; an ISO 8601 instant with a zone. */
const expiresAt = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const cursor = z.string().regex(/^[\w-]{1,80}$/);

/**
 * POST /api/notices. The community is never the client's: a secretary posts to
 * their own, an admin posts city-wide (全市公告).
 */
export const createNoticeBody = z.strictObject({
  title: text(MAX_NOTICE_TITLE_CHARS),
  body: text(MAX_NOTICE_BODY_CHARS),
  photos: photos.default([]),
  expiresAt: expiresAt.nullable().default(null),
  pinned: z.boolean().default(false),
});
export type CreateNoticeBody = z.output<typeof createNoticeBody>;

/** PATCH /api/notices/:id — any of the fields; `expiresAt: null` removes the expiry. */
export const updateNoticeBody = z
  .strictObject({
    title: text(MAX_NOTICE_TITLE_CHARS).optional(),
    body: text(MAX_NOTICE_BODY_CHARS).optional(),
    photos: photos.optional(),
    expiresAt: expiresAt.nullable().optional(),
    pinned: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'VALIDATION_FAILED' });
export type UpdateNoticeBody = z.output<typeof updateNoticeBody>;

/** GET /api/notices — a community's notices plus city-wide ones (default: the caller's profile community). */
export const noticeListQuery = z.strictObject({
  community: text(40).optional(),
  after: cursor.optional(),
  limit: queryInt('INVALID_LIMIT', 1, 50).optional(),
});

/** GET /api/notices/managed — what a secretary (their community) or an admin (all, or one community) manages. */
export const managedNoticesQuery = z.strictObject({
  community: text(40).optional(),
  after: cursor.optional(),
  limit: queryInt('INVALID_LIMIT', 1, 50).optional(),
});
