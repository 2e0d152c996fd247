import { BOOKING_STATUS_LABELS, chinaTime, type AttendanceList } from '@citycare/shared';
import { csvDocument } from '../../common/csv';

const HEADER = ['预约码', '姓名', '手机号', '人数', '状态', '候补顺位', '签到时间'];

/** The attendance list as an Excel-friendly CSV (phones already masked in the rows). */
export function attendanceCsv(list: AttendanceList): string {
  const rows = list.items.map((r) => [
    r.code,
    r.name,
    r.phone,
    r.partySize,
    r.partyExceedsCapacity ? `${BOOKING_STATUS_LABELS[r.status]}（人数超过名额，无法递补）` : BOOKING_STATUS_LABELS[r.status],
    r.waitlistPosition,
    r.checkedInAt ? chinaTime(r.checkedInAt) : null,
  ]);
  return csvDocument(HEADER, rows);
}
