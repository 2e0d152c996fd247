import type { CategorySeed } from '@citycare/shared';
import { categories } from '../../api/categories';
import { useQuery } from '../../api/hooks';
import { queryKeys } from '../../api/keys';
import { REPORT_CATEGORIES } from './form';

/** The categories a report may take: the server's (the bureau adds, renames, re-times and retires them), the seed list until it answers. */
export function useReportCategories(): readonly CategorySeed[] {
  const { state } = useQuery(queryKeys.categories(), () => categories.list());
  return state.status === 'success' && state.data.items.length > 0 ? state.data.items : REPORT_CATEGORIES;
}
