import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { EVENT_KIND_LABELS, type EventSessionView } from '@citycare/shared';
import { bookings, currentSession, events, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import Button from '../../../components/Button';
import PhotoGrid, { usePhotoRefresh } from '../../../components/Photo';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import { liveBookingsBySession } from '../../../features/events/my-bookings';
import { formatDateTime, formatTimeRange } from '../../../services/format';
import { go } from '../../../services/router';
import BookSheet from './BookSheet';
import './index.css';

/** One open day or meeting: its sessions with seats left; book a session for a party of 1–4. */
export default function EventDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.events.detail(id) : null, () => events.get(id));
  // My bookings (signed in only): a session I hold or wait for a seat in offers 查看预约, not a second booking.
  const mine = useQuery(currentSession() ? queryKeys.bookings.mine() : null, () => bookings.mine());
  const onPhotoError = usePhotoRefresh(query.refresh);
  const [choosing, setChoosing] = useState<EventSessionView | null>(null);
  usePullRefresh(query.refresh, mine.refresh);

  const { state } = query;
  if (state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus state={state} onRetry={() => void query.refresh()} skeleton={2} />
      </Screen>
    );
  }
  const event = state.data;
  const booked = liveBookingsBySession(mine.state.status === 'success' ? mine.state.data : undefined);
  return (
    <Screen testId="event-detail">
      <View className="section gap-top">
        <View className="row row--between">
          <Text className="section__title">{event.title}</Text>
          <Badge text={EVENT_KIND_LABELS[event.kind]} />
        </View>
        <Text className="muted block">
          {event.stationName} · {event.place}
        </Text>
        {event.cancelled && (
          <Text className="message message--error block" data-testid="event-cancelled">
            本活动已取消
          </Text>
        )}
        <Text className="body-text">{event.description}</Text>
        <PhotoGrid photos={event.photos} onError={onPhotoError} testId="event-photo" />
      </View>
      <View className="section">
        <Text className="section__title">场次</Text>
        {event.sessions.map((session) => (
          <View key={session.id} className="event-detail__session" data-testid="event-session">
            <View>
              <Text className="event-detail__time">{formatTimeRange(session.startAt, session.endAt)}</Text>
              <Text className="muted block" data-testid="session-seats">
                {session.cancelled ? '本场已取消' : `共 ${session.capacity} 个名额，剩余 ${session.seatsLeft} 个${session.waitlisted ? `，${session.waitlisted} 组候补` : ''}`}
              </Text>
              <Text className="muted block">可取消至 {formatDateTime(session.cancelCutoffAt)}</Text>
            </View>
            {booked.has(session.id) ? (
              <Button size="sm" kind="plain" testId="session-mine" onClick={() => void go('booking', { id: booked.get(session.id)!.id })}>
                查看预约
              </Button>
            ) : (
              <Button size="sm" disabled={!session.bookable} testId="session-book" onClick={() => setChoosing(session)}>
                {session.bookable ? (session.seatsLeft > 0 ? '预约' : '候补') : '不可预约'}
              </Button>
            )}
          </View>
        ))}
      </View>
      <BookSheet key={choosing?.id ?? 'none'} session={choosing} onClose={() => setChoosing(null)} />
    </Screen>
  );
}
