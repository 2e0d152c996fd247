// Problem categories of the seed programme with their default SLA. Categories
// are data (admin-editable in the categories collection); these seed it.

export interface CategorySeed {
  code: string;
  name: string;
  /** Hours from submission to acceptance (受理时限). */
  acceptHours: number;
  /** Hours from submission to resolution (办结时限). */
  resolveHours: number;
}

export const DEFAULT_CATEGORIES: CategorySeed[] = [
  { code: 'street_vending', name: '占道经营', acceptHours: 2, resolveHours: 24 },
  { code: 'illegal_construction', name: '违法建设/私搭乱建', acceptHours: 24, resolveHours: 240 },
  { code: 'restaurant_fumes', name: '餐饮油烟', acceptHours: 12, resolveHours: 120 },
  { code: 'damaged_greenery', name: '毁绿破绿', acceptHours: 12, resolveHours: 72 },
  { code: 'clutter', name: '乱堆乱放/环境卫生', acceptHours: 4, resolveHours: 48 },
  { code: 'garbage_sorting', name: '垃圾分类', acceptHours: 12, resolveHours: 72 },
  { code: 'property_management', name: '物业管理', acceptHours: 24, resolveHours: 168 },
  { code: 'parking', name: '停车', acceptHours: 4, resolveHours: 48 },
  { code: 'temporary_stalls', name: '临时摊位', acceptHours: 4, resolveHours: 48 },
  { code: 'other', name: '其他', acceptHours: 24, resolveHours: 168 },
];

export const CASE_SOURCES = ['miniprogram', 'hotline', 'patrol', 'whistle'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  miniprogram: '随手拍',
  hotline: '12345 热线',
  patrol: '巡查发现',
  whistle: '社区吹哨',
};

export const MAX_CASE_PHOTOS = 9;
export const MAX_DESCRIPTION_CHARS = 500;
/** 补充说明, officers' replies and notes. */
export const MAX_CASE_TEXT_CHARS = 1000;
