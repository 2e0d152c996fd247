import { useMemo } from 'react';
import { DEFAULT_CATEGORIES, type CategorySeed } from '@citycare/shared';
import { useReportCategories } from '../report/useReportCategories';

// Staff pages offer and name the bureau's categories (admin-editable, read from
// /api/categories by client/features/report/useReportCategories.ts), as the 随手拍 page does.

/** The categories a new case may take, as choice chips (the queue's filter, 发现问题, 吹哨报到). */
export function useCategoryChips(): { key: string; label: string }[] {
  const offered = useReportCategories();
  return useMemo(() => offered.map((c) => ({ key: c.code, label: c.name })), [offered]);
}

/**
 * A case's category in words. The public list holds only active categories: a retired one
 * (its cases remain) falls back to the seed's name, and an unknown code is shown as it is.
 */
export function categoryName(code: string, offered: readonly CategorySeed[]): string {
  return (offered.find((c) => c.code === code) ?? DEFAULT_CATEGORIES.find((c) => c.code === code))?.name ?? code;
}

/** categoryName with the bureau's current list. */
export function useCategoryName(): (code: string) => string {
  const offered = useReportCategories();
  return (code) => categoryName(code, offered);
}
