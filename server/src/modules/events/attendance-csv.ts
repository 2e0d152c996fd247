import { BOOKING_STATUS_LABELS, CHINA_UTC_OFFSET_MS, type AttendanceList } from '@citycare/shared';

/** Excel opens UTF-8 CSV as UTF-8 only with a byte-order mark. */
const BOM = '\uFEFF';
const HEADER = ['预约码', '姓名', '手机号', '人数', '状态', '候补顺位', '签到时间'];

/** YYYY-MM-DD HH:mm in China time. */
export function chinaTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading
 * = + - @ (a formula to a spreadsheet) is defused with a quote mark.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The attendance list as an Excel-friendly CSV (phones already masked in the rows). */
export function attendanceCsv(list: AttendanceList): string {
  const rows = list.items.map((r) => [
    r.code,
    r.name,
    r.phone,
    r.partySize,
    BOOKING_STATUS_LABELS[r.status],
    r.waitlistPosition,
    r.checkedInAt ? chinaTime(r.checkedInAt) : null,
  ]);
  return BOM + [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
