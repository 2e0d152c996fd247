import {
  addChinaDays,
  chinaDate,
  chinaDayStart,
  DAY_MS,
  DEFAULT_FIGURE_RANGE_DAYS,
  MAX_FIGURE_RANGE_DAYS,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';

/**
 * The China calendar days `from`..`to` (inclusive) as instants [start, end).
 * Default: the last 30 days up to today. More than 366 days, `from` after
 * `to`, or an impossible date → INVALID_DATE_RANGE.
 */
export function figureRange(from: string | undefined, to: string | undefined, now = new Date()) {
  const toDay = to ?? chinaDate(now);
  const toStart = chinaDayStart(toDay);
  if (!toStart) throw new AppError('INVALID_DATE_RANGE', '日期格式应为 YYYY-MM-DD');
  const fromDay = from ?? addChinaDays(toDay, 1 - DEFAULT_FIGURE_RANGE_DAYS);
  const start = chinaDayStart(fromDay);
  if (!start) throw new AppError('INVALID_DATE_RANGE', '日期格式应为 YYYY-MM-DD');
  const end = new Date(toStart.getTime() + DAY_MS);
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  if (days < 1) throw new AppError('INVALID_DATE_RANGE', '开始日期不能晚于结束日期');
  if (days > MAX_FIGURE_RANGE_DAYS) throw new AppError('INVALID_DATE_RANGE', `日期范围不能超过 ${MAX_FIGURE_RANGE_DAYS} 天`);
  return { from: fromDay, to: toDay, start, end };
}
