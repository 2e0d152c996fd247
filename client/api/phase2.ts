// Resident routes of issue 7 that the server does not serve yet (phase 2): typed here against
// shared/src/api/resident.ts so pages can plug them in by flipping one flag per route.
// While a flag is false, pages show "即将开放" in that place and never call the route.
import type { CaseSupplementBody, FollowResult, LatLng, MyDataExport, NearbyCaseList, MeResponse } from '@citycare/shared';
import { request } from './request';

export const PHASE2_READY = {
  /** Photos with signed URLs that <image> can show (§2). */
  signedPhotos: false,
  /** 附近已有人反映 + 我也遇到 (§3 随手拍). */
  nearbyCases: false,
  /** 补充说明 on an open case (§3 我的报事). */
  supplements: false,
  /** Choose my community (§3 我的). */
  chooseCommunity: false,
  /** Export my data and delete my account (§3 我的). */
  personalData: false,
} as const;

/** Metres around the report's point searched for open cases of the same category. */
export const NEARBY_CASE_RADIUS_M = 100;

export const residentExtras = {
  nearbyOpenCases(at: LatLng, category: string): Promise<NearbyCaseList> {
    return request('/api/cases/nearby', { query: { lat: at.lat, lng: at.lng, category, radiusM: NEARBY_CASE_RADIUS_M }, auth: true });
  },
  /** 我也遇到: follow that case instead of reporting it again. */
  follow(caseId: string): Promise<FollowResult> {
    return request(`/api/cases/${encodeURIComponent(caseId)}/follow`, { method: 'POST', auth: true });
  },
  addSupplement(caseId: string, body: CaseSupplementBody, idempotencyKey: string): Promise<FollowResult> {
    return request(`/api/cases/${encodeURIComponent(caseId)}/supplements`, { method: 'POST', body, idempotencyKey, auth: true });
  },
  setCommunity(community: string): Promise<MeResponse> {
    return request('/api/me/community', { method: 'PUT', body: { community }, auth: true });
  },
  exportMyData(): Promise<MyDataExport> {
    return request('/api/me/export', { auth: true, timeoutMs: 30_000 });
  },
  deleteAccount(): Promise<{ ok: true }> {
    return request('/api/me', { method: 'DELETE', auth: true });
  },
};
