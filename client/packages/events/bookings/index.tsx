import { Text, View } from '@tarojs/components';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { bookings, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import StatusView from '../../../components/StatusView';
import { bookingBadge, PASSED_OVER_SHORT } from '../../../features/events/booking-status';
import { formatTimeRange } from '../../../services/format';
import { go } from '../../../services/router';
import './index.css';

/** 我的预约: live and cancelled bookings, newest first. */
export default function MyBookingsPage() {
  const mine = useQuery(queryKeys.bookings.mine(), () => bookings.mine());
  usePullRefresh(mine.refresh);
  const { state } = mine;
  return (
    <Screen testId="bookings-page">
      <View className="section gap-top">
        {state.status !== 'success' ? (
          <QueryStatus state={state} onRetry={() => void mine.refresh()} signInBack="bookings" skeleton={2} />
        ) : state.data.items.length === 0 ? (
          <StatusView tone="empty" title="还没有预约" message="去看看近期的开放日吧" actionText="查看开放日" onAction={() => void go('events')} />
        ) : (
          state.data.items.map((b) => {
            const badge = bookingBadge(b.status);
            return (
              <View key={b.id} className="row row--between booking-row" data-testid="booking-row" onClick={() => void go('booking', { id: b.id })}>
                <View>
                  <Text className="section__title">{b.event.title}</Text>
                  <Text className="muted block">
                    {formatTimeRange(b.session.startAt, b.session.endAt)} · {b.partySize} 人
                  </Text>
                  {b.partyExceedsCapacity && <Text className="message message--warning">{PASSED_OVER_SHORT}</Text>}
                </View>
                <Badge tone={badge.tone} text={badge.text} testId="booking-status" />
              </View>
            );
          })
        )}
      </View>
    </Screen>
  );
}
