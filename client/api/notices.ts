import type { NoticePage, NoticeView } from '@citycare/shared';
import { request } from './request';

/** My community's notices plus city-wide ones (signed in). */
export const notices = {
  /** Pinned first, then newest; pass the page's `next` as `after`. */
  list(after?: string, limit = 20): Promise<NoticePage> {
    return request('/api/notices', { query: { after, limit }, auth: true });
  },
  /** Opening one counts a read on the server (once per reader). */
  get(id: string): Promise<NoticeView> {
    return request(`/api/notices/${encodeURIComponent(id)}`, { auth: true });
  },
};
