import { chinaTime, type PatrolView } from '@citycare/shared';
import { csvDocument } from '../../common/csv';

const HEADER = ['日期', '开始时间', '结束时间', '队员', '巡查区域', '发现问题数', '案件编号', '备注'];

/** The patrol log of a day as CSV (RFC 4180, CRLF, every cell quoted), one row per patrol. */
export function patrolsCsv(items: PatrolView[]): string {
  const rows = items.map((p) => [
    p.date,
    chinaTime(p.startedAt),
    chinaTime(p.endedAt),
    p.officerName,
    p.area,
    String(p.cases.length),
    p.cases.map((c) => c.id).join(' '),
    p.notes,
  ]);
  return csvDocument(HEADER, rows, 'always');
}
