import type { CaseDetail, CasePage, CreateCaseBody } from '@citycare/shared';
import { request } from './request';

/** The case fields a resident sends (server defaults fill in the rest). */
export type NewCase = Omit<CreateCaseBody, 'zoneId'> & { zoneId?: string };

/** Typed endpoints of /api/cases (the reporter's side). */
export const cases = {
  /** 随手拍. The key makes a resend after a lost answer land the same case. */
  create(body: NewCase, idempotencyKey: string): Promise<CaseDetail> {
    return request('/api/cases', { method: 'POST', body, idempotencyKey, auth: true, timeoutMs: 20_000 });
  },
  /** My cases, newest first; pass the page's `next` as `before`. */
  mine(before?: string, limit = 20): Promise<CasePage> {
    return request('/api/cases', { query: { before, limit }, auth: true });
  },
  get(id: string): Promise<CaseDetail> {
    return request(`/api/cases/${encodeURIComponent(id)}`, { auth: true });
  },
  /** Once, on a resolved case: ≤2 reopens it (重办), ≥4 closes it. */
  rate(id: string, score: number, comment?: string): Promise<CaseDetail> {
    return request(`/api/cases/${encodeURIComponent(id)}/rating`, { method: 'POST', body: { score, comment }, auth: true });
  },
};
