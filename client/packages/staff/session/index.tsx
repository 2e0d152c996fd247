import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { chinaDate, type AttendanceList } from '@citycare/shared';
import { invalidate, queryKeys, useQuery } from '../../../api';
import { staffEvents } from '../../../api/staff';
import Button from '../../../components/Button';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import { useAction } from '../../../hooks/useAction';
import { formatTimeRange } from '../../../services/format';
import { useCan } from '../../../hooks/useCan';
import { CsvExportButton, CsvExportResult, useCsvExport } from '../CsvExport';
import AttendanceItem from './AttendanceItem';
import CheckIn from './CheckIn';
import CapacitySheet from './CapacitySheet';
import '../staff.css';

export default function StaffSessionPage() {
  return (
    <RoleGate roles={['officer', 'lead']}>
      <Session />
    </RoleGate>
  );
}

/** One session: check residents in, the attendance list with the waitlist, export, call it off. */
function Session() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.staff.attendance(id) : null, () => staffEvents.attendance(id));
  usePullRefresh(query.refresh);
  const { state } = query;
  if (!id || state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus state={state} missing={!id} onRetry={() => void query.refresh()} notFound={{ title: '找不到这个场次', message: '它可能不属于本工作站' }} />
      </Screen>
    );
  }
  return <Attendance id={id} list={state.data} />;
}

function Attendance({ id, list }: { id: string; list: AttendanceList }) {
  const manages = useCan('event.manage');
  const { session, totals } = list;
  const [resizing, setResizing] = useState(false);
  const csv = useCsvExport(`签到名单-${list.event.title}-${chinaDate(new Date(session.startAt))}.csv`, () => staffEvents.attendanceCsv(id));
  const cancel = useAction(async () => {
    const { confirm } = await Taro.showModal({ title: '取消场次', content: '已预约和候补的居民会收到通知。确定取消这个场次吗？' });
    if (!confirm) return;
    await staffEvents.cancelSession(id);
    invalidate(queryKeys.staff.all());
    invalidate(queryKeys.events.all());
  });
  return (
    <Screen className="staff" testId="staff-session">
      <View className="section gap-top">
        <Text className="section__title">{list.event.title}</Text>
        <Text className="muted block">
          {formatTimeRange(session.startAt, session.endAt)} · {list.event.place}
          {session.cancelled ? ' · 已取消' : ''}
        </Text>
        <Text className="block gap-top" data-testid="attendance-totals">
          已签到 {totals.checkedInPeople}/{totals.people} 人（{totals.checkedInBookings}/{totals.bookings} 份预约），候补 {totals.waitlisted}
        </Text>
      </View>
      {!session.cancelled && <CheckIn sessionId={id} />}
      <View className="section">
        <View className="row row--between">
          <Text className="section__title">名单</Text>
          <CsvExportButton csv={csv} testId="attendance-export" />
        </View>
        <CsvExportResult csv={csv} testId="attendance-export-result" />
        {list.items.length ? list.items.map((row) => <AttendanceItem key={row.bookingId} row={row} capacity={list.session.capacity} />) : <Text className="muted block gap-top">还没有人预约</Text>}
      </View>
      {manages && !session.cancelled && (
        <View className="section">
          <View className="row row--between">
            <Text data-testid="session-capacity-line">
              名额 {session.capacity} 人，已约 {session.seatsTaken}
            </Text>
            <Button kind="secondary" size="sm" testId="capacity-edit" onClick={() => setResizing(true)}>
              修改名额
            </Button>
          </View>
          {resizing && <CapacitySheet sessionId={id} capacity={session.capacity} onClose={() => setResizing(false)} />}
        </View>
      )}
      {manages && !session.cancelled && (
        <View className="section">
          <Button kind="danger" block loading={cancel.busy} onClick={() => void cancel.run()}>
            取消这个场次
          </Button>
          {cancel.failure && <Text className="message message--error">{cancel.failure}</Text>}
        </View>
      )}
    </Screen>
  );
}
