import { Text, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, type AttendanceRow } from '@citycare/shared';
import Badge from '../../../components/Badge';
import { formatDateTime } from '../../../services/format';

/** One booking; a waiting party larger than the whole session is flagged: it is passed over until the seats grow. */
export default function AttendanceItem({ row, capacity }: { row: AttendanceRow; capacity: number }) {
  const waiting = row.partyExceedsCapacity ? '候补（无法递补）' : `候补第 ${row.waitlistPosition ?? '-'} 位`;
  return (
    <View className="staff-item" data-testid="attendance-row" data-code={row.code} data-checked-in={row.checkedInAt ? '1' : '0'}>
      <View className="row row--between">
        <Text>
          {row.name} · {row.partySize} 人
        </Text>
        {row.checkedInAt ? (
          <Badge tone="success" text="已签到" testId="attendance-checked-in" />
        ) : (
          <Badge tone={row.status === 'waitlisted' ? 'warning' : 'info'} text={row.status === 'waitlisted' ? waiting : BOOKING_STATUS_LABELS[row.status]} />
        )}
      </View>
      <Text className="muted block">
        {row.code} · {row.phone ?? '未留电话'}
        {row.checkedInAt ? ` · ${formatDateTime(row.checkedInAt)} 签到` : ''}
      </Text>
      {row.partyExceedsCapacity && (
        <Text className="message message--error block" data-testid="attendance-party-too-large">
          人数超过本场名额 {capacity} 人，无法递补
        </Text>
      )}
    </View>
  );
}
