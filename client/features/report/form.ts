import { DEFAULT_CATEGORIES, MAX_DESCRIPTION_CHARS, type CategorySeed } from '@citycare/shared';
import type { NewCase } from '../../api/cases';
import { photosBusy, photosFailed, uploadedMediaIds, type DraftPhoto } from '../photos/photos';

// The 随手拍 form as data: its fields, the rules they must meet, and the body they become.

export interface ReportPlace {
  lat: number;
  lng: number;
  address: string;
  /**
   * Set when the position is a community's station standing in for one the resident could not
   * give (a browser without location): the address says where, and nothing is searched around it.
   */
  standIn?: { station: string; community: string };
}

/** A place whose point is the problem's own (not a station standing in): what nearby searches may use. */
export const locatedPlace = (place: ReportPlace | null): ReportPlace | null => (place && !place.standIn ? place : null);

export interface ReportForm {
  category: string | null;
  description: string;
  photos: DraftPhoto[];
  place: ReportPlace | null;
  /** The stall zone (临时摊位区) the problem is about. */
  zoneId: string | null;
  anonymous: boolean;
  /** Neighbours may read the description in 附近已有人反映 and on cases they follow. */
  publicDescription: boolean;
}

export type ReportField = 'category' | 'description' | 'photos' | 'place';
export type ReportErrors = Partial<Record<ReportField, string>>;

export const MIN_DESCRIPTION_CHARS = 5;
export const MAX_ADDRESS_CHARS = 200;

/**
 * The categories offered until the server's list (GET /api/categories, which the bureau edits)
 * has arrived: the seed programme's list.
 */
export const REPORT_CATEGORIES: readonly CategorySeed[] = DEFAULT_CATEGORIES;

export function categoryByCode(code: string | null, offered: readonly CategorySeed[] = REPORT_CATEGORIES): CategorySeed | undefined {
  return offered.find((c) => c.code === code);
}

const hours = (h: number): string => (h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`);

/** The promise the category's SLA makes, e.g. "2 小时内受理，24 小时内办结". */
export function categoryPromise(category: Pick<CategorySeed, 'acceptHours' | 'resolveHours'>): string {
  return `${hours(category.acceptHours)}内受理，${hours(category.resolveHours)}内办结`;
}

export function emptyReportForm(): ReportForm {
  return { category: null, description: '', photos: [], place: null, zoneId: null, anonymous: false, publicDescription: false };
}

/** What is missing or wrong, per field, in words for the resident. Empty when ready to send. */
export function validateReport(form: ReportForm, offered: readonly CategorySeed[] = REPORT_CATEGORIES): ReportErrors {
  const errors: ReportErrors = {};
  if (!categoryByCode(form.category, offered)) errors.category = '请选择问题类型';
  const text = form.description.trim();
  if (text.length < MIN_DESCRIPTION_CHARS) errors.description = `请用至少 ${MIN_DESCRIPTION_CHARS} 个字描述问题`;
  else if (text.length > MAX_DESCRIPTION_CHARS) errors.description = `描述最多 ${MAX_DESCRIPTION_CHARS} 个字`;
  if (photosBusy(form.photos)) errors.photos = '照片还在上传，请稍候';
  else if (photosFailed(form.photos) > 0) errors.photos = '有照片上传失败，请重试或删除';
  if (!form.place) errors.place = '请确定问题位置';
  else if (!form.place.address.trim()) errors.place = '请填写问题所在的详细地址';
  else if (form.place.address.trim().length > MAX_ADDRESS_CHARS) errors.place = `地址最多 ${MAX_ADDRESS_CHARS} 个字`;
  return errors;
}

export function isReady(errors: ReportErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** The POST /api/cases body; call only when validateReport found nothing. */
export function toCaseBody(form: ReportForm): NewCase {
  if (!form.category || !form.place) throw new Error('toCaseBody: the form is not complete');
  return {
    category: form.category,
    description: form.description.trim(),
    photos: uploadedMediaIds(form.photos),
    lat: form.place.lat,
    lng: form.place.lng,
    address: form.place.address.trim(),
    anonymous: form.anonymous,
    publicDescription: form.publicDescription,
    ...(form.zoneId ? { zoneId: form.zoneId } : {}),
  };
}
