import { Text, View } from '@tarojs/components';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { events, queryKeys, useQuery } from '../../../api';
import Button from '../../../components/Button';
import EventCard from '../../../components/EventCard';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import StatusView from '../../../components/StatusView';
import { go } from '../../../services/router';

/** 开放日: upcoming open days and meetings with seats left. */
export default function EventListPage() {
  const upcoming = useQuery(queryKeys.events.upcoming(), () => events.upcoming({ limit: 50 }));
  usePullRefresh(upcoming.refresh);
  const { state } = upcoming;
  return (
    <Screen testId="events-page">
      <View className="hero">
        <Text className="hero__title">开放日 · 座谈会</Text>
        <Text className="hero__subtitle">走进城管工作站，面对面说说身边事</Text>
      </View>
      <View className="section hero__overlap">
        <View className="section__head">
          <Text className="section__title">近期活动</Text>
          <Text className="section__more" data-testid="my-bookings-link" onClick={() => void go('bookings')}>
            我的预约 ›
          </Text>
        </View>
        {state.status !== 'success' ? (
          <QueryStatus state={state} onRetry={() => void upcoming.refresh()} skeleton={2} />
        ) : state.data.items.length === 0 ? (
          <StatusView tone="empty" title="近期暂无开放日" message="工作站安排活动后会显示在这里" />
        ) : (
          state.data.items.map((event) => <EventCard key={event.id} event={event} />)
        )}
      </View>
      <View className="section">
        <Button kind="secondary" block onClick={() => void go('bookings')}>
          查看我的预约
        </Button>
      </View>
    </Screen>
  );
}
