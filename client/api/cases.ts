import type { CaseDetail, CasePage, CaseSupplementBody, CreateCaseBody, LatLng, NearbyCaseList } from '@citycare/shared';
import { request } from './request';

/** The case fields a resident sends (server defaults fill in the rest). */
export type NewCase = Omit<CreateCaseBody, 'zoneId'> & { zoneId?: string };

/** Metres around a new report searched for open cases of the same category (附近已有人反映). */
export const NEARBY_CASE_RADIUS_M = 100;

const casePath = (id: string, action = '') => `/api/cases/${encodeURIComponent(id)}${action}`;

/** Typed endpoints of /api/cases (the resident's side: reporter and follower). */
export const cases = {
  /** 随手拍. The key makes a resend after a lost answer land the same case. */
  create(body: NewCase, idempotencyKey: string): Promise<CaseDetail> {
    return request('/api/cases', { method: 'POST', body, idempotencyKey, auth: true, timeoutMs: 20_000 });
  },
  /** My cases, newest first; pass the page's `next` as `before`. */
  mine(before?: string, limit = 20): Promise<CasePage> {
    return request('/api/cases', { query: { before, limit }, auth: true });
  },
  /** Cases I follow (我也遇到), most recently followed first, in their public view. */
  following(before?: string, limit = 20): Promise<CasePage> {
    return request('/api/cases', { query: { scope: 'following', before, limit }, auth: true });
  },
  get(id: string): Promise<CaseDetail> {
    return request(casePath(id), { auth: true });
  },
  /** 附近已有人反映: open cases of `category` within 100 m of `at` (staff merging: wider), nearest first (public view). */
  nearby(at: LatLng, category: string, radiusM = NEARBY_CASE_RADIUS_M): Promise<NearbyCaseList> {
    return request('/api/cases/nearby', { query: { lat: at.lat, lng: at.lng, category, radiusM }, auth: true });
  },
  /** 我也遇到: follow that case instead of reporting it again (409 CASE_NOT_OPEN once it is not open). */
  follow(id: string): Promise<CaseDetail> {
    return request(casePath(id, '/follow'), { method: 'POST', auth: true });
  },
  /** 补充说明 on my open case; the key makes a resend land once. */
  addSupplement(id: string, body: CaseSupplementBody, idempotencyKey: string): Promise<CaseDetail> {
    return request(casePath(id, '/supplements'), { method: 'POST', body, idempotencyKey, auth: true, timeoutMs: 20_000 });
  },
  /** Once, on a resolved case: ≤2 reopens it (重办), ≥4 closes it. */
  rate(id: string, score: number, comment?: string): Promise<CaseDetail> {
    return request(casePath(id, '/rating'), { method: 'POST', body: { score, comment }, auth: true });
  },
};
