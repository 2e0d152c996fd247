import { createNoticeBody, managedNoticesQuery, noticeListQuery, updateNoticeBody } from '@citycare/shared';
import { withThumbnail, type RouteDoc } from '../openapi/route-doc';

const notice = { type: 'object', description: 'NoticeView: id, title, body, photos (URLs), community (null: city-wide), pinned, expiresAt, createdAt, updatedAt' };
const managed = { type: 'object', description: 'ManagedNoticeView: NoticeView plus withdrawnAt, expired, readCount' };
const page = (items: Record<string, unknown>) => ({ type: 'object', properties: { items: { type: 'array', items }, next: { type: ['string', 'null'] } } });
const id = { id: 'notice id' };
const manageErrors = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOTICE_NOT_FOUND'] as const;

export const NOTICE_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/notices',
    summary: "A community's current notices plus city-wide ones, pinned first then newest (community: the query's, else the reader's profile)",
    tag: 'notices',
    query: noticeListQuery,
    response: page(notice),
    errors: ['UNAUTHENTICATED', 'INVALID_LIMIT', 'UNKNOWN_FIELD'],
    access: 'signed in',
    allow: { who: 'signed-in' },
  },
  {
    method: 'get',
    path: '/api/notices/managed',
    summary: 'The notices the caller manages (withdrawn and expired too) with read counts',
    tag: 'notices',
    query: managedNoticesQuery,
    response: page(managed),
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_LIMIT'],
    access: 'secretary (own community), admin',
    allow: { who: ['secretary', 'admin'] },
  },
  {
    method: 'get',
    path: '/api/notices/{id}',
    summary: 'One notice; a reader opening it counts one read (once per reader). Managers get ManagedNoticeView',
    tag: 'notices',
    params: id,
    response: notice,
    errors: ['UNAUTHENTICATED', 'NOTICE_NOT_FOUND'],
    access: 'signed in (withdrawn/expired: its managers only)',
    allow: { who: 'signed-in' },
  },
  ...withThumbnail({
    method: 'get',
    path: '/api/notices/{id}/photos/{mediaId}',
    summary: "A notice's photo (JPEG; append /thumb for the thumbnail), for whoever may see the notice",
    tag: 'notices',
    params: { ...id, mediaId: 'media id' },
    response: { type: 'string', format: 'binary' },
    errors: ['UNAUTHENTICATED', 'NOTICE_NOT_FOUND', 'MEDIA_NOT_FOUND'],
    access: 'signed in',
    allow: { who: 'signed-in' },
  }),
  {
    method: 'post',
    path: '/api/notices',
    summary: "Post a notice: a secretary's goes to their community, an admin's is city-wide. Text passes the content check. An optional Idempotency-Key makes a resent post land once",
    tag: 'notices',
    body: createNoticeBody,
    response: managed,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'UNKNOWN_FIELD', 'VALIDATION_FAILED', 'CONTENT_RISKY', 'MEDIA_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'CONCURRENT_UPDATE'],
    access: 'secretary, admin',
    allow: { who: ['secretary', 'admin'] },
  },
  {
    method: 'patch',
    path: '/api/notices/{id}',
    summary: 'Edit, pin/unpin (pinned), set or clear the expiry (expiresAt: null), replace photos',
    tag: 'notices',
    params: id,
    body: updateNoticeBody,
    response: managed,
    errors: [...manageErrors, 'UNKNOWN_FIELD', 'VALIDATION_FAILED', 'CONTENT_RISKY', 'MEDIA_NOT_FOUND'],
    access: 'secretary (own community), admin',
    allow: { who: ['secretary', 'admin'], of: ['community', 'city'] },
  },
  {
    method: 'post',
    path: '/api/notices/{id}/withdraw',
    summary: 'Withdraw a notice (撤回): off the board for readers, kept for its managers',
    tag: 'notices',
    params: id,
    response: managed,
    errors: [...manageErrors],
    access: 'secretary (own community), admin',
    allow: { who: ['secretary', 'admin'], of: ['community', 'city'] },
  },
];
