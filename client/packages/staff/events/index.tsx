import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { EVENT_KIND_LABELS, type EventView } from '@citycare/shared';
import { invalidate, queryKeys, useQuery } from '../../../api';
import { staffEvents } from '../../../api/staff';
import Badge from '../../../components/Badge';
import Button from '../../../components/Button';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import StatusView from '../../../components/StatusView';
import { useAction } from '../../../hooks/useAction';
import { useCan } from '../../../hooks/useCan';
import { formatTimeRange } from '../../../services/format';
import { go } from '../../../services/router';
import EventForm from './EventForm';
import SessionForm from './SessionForm';
import '../staff.css';

/** Leads run their station's events here; officers (event.checkin) come for the sessions' check-in and lists. */
export default function StaffEventsPage() {
  return (
    <RoleGate roles={['lead', 'officer']}>
      <Events />
    </RoleGate>
  );
}

type Editing = { kind: 'event'; event?: EventView } | { kind: 'session'; eventId: string } | null;

/** 开放日管理: my station's events and their sessions; create, edit, add sessions, cancel (those who manage events). */
function Events() {
  const manages = useCan('event.manage');
  const list = useQuery(queryKeys.staff.events(), () => staffEvents.list());
  const [editing, setEditing] = useState<Editing>(null);
  usePullRefresh(list.refresh);
  const { state } = list;
  return (
    <Screen className="staff" testId="staff-events">
      {manages && (
        <View className="section gap-top">
          <Button block testId="event-new" onClick={() => setEditing({ kind: 'event' })}>
            新建开放日 / 座谈会
          </Button>
        </View>
      )}
      {state.status !== 'success' ? (
        <QueryStatus state={state} onRetry={() => void list.refresh()} />
      ) : state.data.items.length === 0 ? (
        <StatusView tone="empty" title="还没有活动" message={manages ? '新建开放日或座谈会，居民即可预约' : '本站暂无开放日或座谈会'} />
      ) : (
        state.data.items.map((event) => (
          <EventSection key={event.id} event={event} manages={manages} onEdit={() => setEditing({ kind: 'event', event })} onAddSession={() => setEditing({ kind: 'session', eventId: event.id })} />
        ))
      )}
      {editing?.kind === 'event' && <EventForm editing={editing.event} onClose={() => setEditing(null)} />}
      {editing?.kind === 'session' && <SessionForm eventId={editing.eventId} onClose={() => setEditing(null)} />}
    </Screen>
  );
}

function EventSection({ event, manages, onEdit, onAddSession }: { event: EventView; manages: boolean; onEdit: () => void; onAddSession: () => void }) {
  const cancel = useAction(async () => {
    const { confirm } = await Taro.showModal({ title: '取消活动', content: '取消后尚未开始的场次一并取消，已预约和候补的居民会收到通知。确定取消吗？' });
    if (!confirm) return;
    await staffEvents.cancel(event.id);
    invalidate(queryKeys.staff.events());
    invalidate(queryKeys.events.all());
  });
  return (
    <View className="section" data-testid="staff-event">
      <View className="row row--between">
        <Text className="section__title">{event.title}</Text>
        <Badge tone={event.cancelled ? 'neutral' : 'info'} text={event.cancelled ? '已取消' : EVENT_KIND_LABELS[event.kind]} />
      </View>
      <Text className="muted block">{event.place}</Text>
      {event.sessions.map((s) => (
        <View key={s.id} className="staff-item" data-testid="staff-session" onClick={() => void go('staffSession', { id: s.id })}>
          <View className="row row--between">
            <Text>{formatTimeRange(s.startAt, s.endAt)}</Text>
            <Text className="staff-link staff-link--on">签到与名单 ›</Text>
          </View>
          <Text className="muted block">
            {s.cancelled ? '已取消' : `已约 ${s.seatsTaken}/${s.capacity}，余 ${s.seatsLeft}，候补 ${s.waitlisted}`}
          </Text>
        </View>
      ))}
      {manages && !event.cancelled && (
        <View className="staff-actions gap-top">
          <Button kind="secondary" size="sm" testId="session-new" onClick={onAddSession}>
            新增场次
          </Button>
          <Button kind="plain" size="sm" testId="event-edit" onClick={onEdit}>
            编辑
          </Button>
          <Button kind="danger" size="sm" loading={cancel.busy} onClick={() => void cancel.run()}>
            取消活动
          </Button>
        </View>
      )}
      {cancel.failure && <Text className="message message--error">{cancel.failure}</Text>}
    </View>
  );
}
