import type { CategoryList } from '@citycare/shared';
import { request } from './request';

/** Typed endpoint of /api/categories: the categories a new report may take (public). */
export const categories = {
  list(): Promise<CategoryList> {
    return request('/api/categories');
  },
};
