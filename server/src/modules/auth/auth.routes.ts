import { bindPhoneBody, devLoginBody, setRoleBody, updateMeBody, wechatLoginBody, setCommunityBody, userSearchQuery } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const me = { type: 'object', description: 'MeResponse: id, role, name, phone (own, unmasked), stationId, community' };
const login = { type: 'object', description: 'LoginResponse: token, expiresAt, user' };

export const AUTH_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/auth/wechat',
    summary: 'wx.login code → our session token (jscode2session through the WeChat adapter)',
    tag: 'auth',
    body: wechatLoginBody,
    response: login,
    errors: ['VALIDATION_FAILED', 'WECHAT_CODE_INVALID', 'WECHAT_CODE_USED', 'RATE_LIMITED', 'WECHAT_UNAVAILABLE'],
    access: 'public',
    allow: { who: 'anyone' },
  },
  { method: 'post', path: '/api/auth/logout', summary: 'Revoke the current token', tag: 'auth', response: { type: 'object' }, errors: ['UNAUTHENTICATED'], access: 'signed in', allow: { who: 'signed-in' } },
  {
    method: 'post',
    path: '/api/auth/dev',
    summary: 'Sign in as a seeded demo user (DEV_LOGIN=1 only; never in production)',
    tag: 'auth',
    body: devLoginBody,
    response: login,
    errors: ['DEV_LOGIN_DISABLED', 'USER_NOT_FOUND'],
    access: 'development',
    allow: { who: 'demo' },
  },
  { method: 'get', path: '/api/auth/dev/users', summary: 'Demo users to choose from', tag: 'auth', response: { type: 'object' }, errors: ['DEV_LOGIN_DISABLED'], access: 'development', allow: { who: 'demo' } },
  { method: 'get', path: '/api/me', summary: 'The signed-in user', tag: 'me', response: me, errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'], access: 'signed in', allow: { who: 'signed-in' } },
  { method: 'patch', path: '/api/me', summary: 'Change my display name', tag: 'me', body: updateMeBody, response: me, errors: ['UNAUTHENTICATED', 'UNKNOWN_FIELD'], access: 'signed in', allow: { who: 'signed-in' } },
  { method: 'put', path: '/api/me/community', summary: 'Choose the community whose notices I read (one served by a station: GET /api/communities)', tag: 'me', body: setCommunityBody, response: me, errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'COMMUNITY_NOT_FOUND'], access: 'resident', allow: { who: ['resident'] } },
  { method: 'get', path: '/api/me/export', summary: 'Everything held about me as a JSON file (MyDataExport: user, cases with timelines, follows, ratings, bookings, notice reads, photos, sessions)', tag: 'me', response: { type: 'object', description: 'MyDataExport' }, errors: ['UNAUTHENTICATED'], access: 'signed in', allow: { who: 'signed-in' } },
  { method: 'delete', path: '/api/me', summary: 'Delete my account: personal data removed or anonymised, my cases kept anonymously for the figures, my sessions ended', tag: 'me', response: { type: 'object', description: '{ ok: true }' }, errors: ['UNAUTHENTICATED', 'FORBIDDEN'], access: 'resident', allow: { who: ['resident'] } },
  {
    method: 'post',
    path: '/api/me/phone',
    summary: 'Bind my phone from the phone-number button code (getuserphonenumber); others see it masked',
    tag: 'me',
    body: bindPhoneBody,
    response: me,
    errors: ['UNAUTHENTICATED', 'WECHAT_CODE_INVALID', 'WECHAT_UNAVAILABLE'],
    access: 'signed in',
    allow: { who: 'signed-in' },
  },

  {
    method: 'put',
    path: '/api/admin/users/{id}/role',
    summary: 'Appoint a user officer/lead (with stationId), secretary (with community), admin, or back to resident',
    tag: 'admin',
    params: { id: 'user id' },
    body: setRoleBody,
    response: { type: 'object' },
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'USER_NOT_FOUND', 'STATION_NOT_FOUND'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
  { method: 'get', path: '/api/admin/users', summary: 'Find a user by openid', tag: 'admin', response: { type: 'object' }, errors: ['FORBIDDEN', 'USER_NOT_FOUND'], access: 'admin', allow: { who: ['admin'] } },
  {
    method: 'get',
    path: '/api/admin/users/search',
    summary: 'Find people: q = the last 4 digits of a phone, a whole phone number, or a name exactly; or stationId = that station\'s staff. Phones masked (138****1234); at most limit (1–50, default 20)',
    tag: 'admin',
    query: userSearchQuery,
    response: { type: 'object', description: 'AdminUserList: items [{ id, role, name, phone (masked), stationId, community }]' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'INVALID_LIMIT'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
];
