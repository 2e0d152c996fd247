import type { MeResponse } from '@citycare/shared';
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
  logout(): Promise<{ ok: true }> {
    return request('/api/auth/logout', { method: 'POST', auth: true });
  },
};
