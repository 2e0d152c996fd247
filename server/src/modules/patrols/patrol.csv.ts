import { CHINA_UTC_OFFSET_MS, type PatrolView } from '@citycare/shared';

/** Excel opens UTF-8 CSV as Chinese text only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

const HEADER = ['日期', '开始时间', '结束时间', '队员', '巡查区域', '发现问题数', '案件编号', '备注'];

/** The patrol log of a day as CSV (RFC 4180, CRLF), one row per patrol. */
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
  return UTF8_BOM + [HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quoted, quotes doubled; a cell a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR) is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** "2025-03-02 07:30" in China time. */
function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
