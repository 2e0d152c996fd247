import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { invalidate, queryKeys } from '../../api';
import Screen from '../../components/Screen';
import { useResidentLocation } from '../../hooks/useResidentLocation';
import { go } from '../../services/router';
import type { RouteName } from '../../routes';
import { useAppState } from '../../store/app-store';
import AwaitingRating from './AwaitingRating';
import LatestNotices from './LatestNotices';
import NearestStation from './NearestStation';
import NearbyZones from './NearbyZones';
import './index.css';

const QUICK_ACTIONS: Array<{ route: RouteName; label: string; hint: string }> = [
  { route: 'report', label: '随手拍', hint: '反映问题' },
  { route: 'stations', label: '工作站', hint: '找到身边的城管' },
  { route: 'events', label: '开放日', hint: '预约参观座谈' },
  { route: 'notices', label: '公告', hint: '社区通知' },
];

/** 首页: the nearest station, quick actions, my community's notices, cases to rate, stall zones. */
export default function HomePage() {
  const { location, relocate } = useResidentLocation();
  const user = useAppState((s) => s.user);

  usePullDownRefresh(() => {
    invalidate(queryKeys.notices.all());
    invalidate(queryKeys.cases.all());
    void relocate().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <Screen tab testId="home-page">
      <View className="hero">
        <Text className="home__brand">城管进社区</Text>
        <Text className="hero__title">有事找城管，就在家门口</Text>
        <Text className="hero__subtitle">{user ? `${user.name}，您好` : '找工作站、随手拍、约开放日'}</Text>
      </View>
      <View className="hero__overlap">
        <NearestStation location={location} onRelocate={() => void relocate()} />
      </View>
      <View className="section home__actions">
        {QUICK_ACTIONS.map((action) => (
          <View key={action.route} className="home__action" hoverClass="home__action--pressed" data-testid={`quick-${action.route}`} onClick={() => void go(action.route)}>
            <Text className="home__action-label">{action.label}</Text>
            <Text className="home__action-hint">{action.hint}</Text>
          </View>
        ))}
      </View>
      {user && <AwaitingRating />}
      {user && <LatestNotices />}
      <NearbyZones location={location} />
    </Screen>
  );
}
