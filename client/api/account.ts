import type { CommunityList, MeResponse, MyDataExport } from '@citycare/shared';
import { request } from './request';

/** /api/me and sign-out: the signed-in resident's own account. */
export const account = {
  me(): Promise<MeResponse> {
    return request('/api/me', { auth: true });
  },
  rename(name: string): Promise<MeResponse> {
    return request('/api/me', { method: 'PATCH', body: { name }, auth: true });
  },
  /** The code from the weapp getPhoneNumber button. */
  bindPhone(code: string): Promise<MeResponse> {
    return request('/api/me/phone', { method: 'POST', body: { code }, auth: true });
  },
  /** The communities a resident may choose, each with the station serving it (public). */
  communities(): Promise<CommunityList> {
    return request('/api/communities');
  },
  /** The community whose notices I read (404 COMMUNITY_NOT_FOUND for one no station serves). */
  setCommunity(community: string): Promise<MeResponse> {
    return request('/api/me/community', { method: 'PUT', body: { community }, auth: true });
  },
  /** Everything the service holds about me. */
  exportMyData(): Promise<MyDataExport> {
    return request('/api/me/export', { auth: true, timeoutMs: 30_000 });
  },
  /** Deletes my account; the session token is dead afterwards. */
  deleteAccount(): Promise<{ ok: true }> {
    return request('/api/me', { method: 'DELETE', auth: true });
  },
  logout(): Promise<{ ok: true }> {
    return request('/api/auth/logout', { method: 'POST', auth: true });
  },
};
