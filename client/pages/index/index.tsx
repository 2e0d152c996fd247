import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import LocationNotice from '../../components/LocationNotice';
import StationCard from '../../components/StationCard';
import StationMap from '../../components/StationMap';
import StationSkeleton from '../../components/StationSkeleton';
import StatusView from '../../components/StatusView';
import { useNearbyStations, type NearbyState } from '../../hooks/useNearbyStations';
import { openLocationSettings } from '../../services/location';
import { openStationPage } from '../../services/navigation';
import { formatDistance } from '@citycare/shared';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Home: the stations nearest to the resident, or all of them when we have no position. */
export default function IndexPage() {
  const { state, reload } = useNearbyStations();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  // weapp remembers a refusal, so asking again needs the settings page.
  const allowLocation = async (): Promise<void> => {
    if (state.phase === 'fallback' && state.reason === 'denied' && IS_WEAPP) {
      if (!(await openLocationSettings())) return;
    }
    await reload();
  };

  return (
    <View className="page home">
      <View className="home__hero">
        <Text className="home__brand">城管进社区</Text>
        <Text className="home__title">有事找城管，就在家门口</Text>
        <Text className="home__subtitle">{heroSubtitle(state)}</Text>
      </View>
      <View className="home__body">{renderBody(state, reload, allowLocation)}</View>
    </View>
  );
}

function heroSubtitle(state: NearbyState): string {
  switch (state.phase) {
    case 'locating':
      return '正在定位…';
    case 'loading':
      return '正在查找附近的工作站…';
    case 'nearby':
      return state.items.length ? '离您最近的城管工作站，按距离排列' : '附近暂无工作站';
    case 'fallback':
      return `全部 ${state.items.length} 个社区工作站`;
    case 'error':
      return '加载失败';
  }
}

function renderBody(state: NearbyState, reload: () => Promise<void>, allowLocation: () => Promise<void>) {
  switch (state.phase) {
    case 'locating':
    case 'loading':
      return <StationSkeleton />;
    case 'error':
      return (
        <StatusView tone="error" title="加载失败" message={state.message} actionText="重试" onAction={() => void reload()} />
      );
    case 'nearby':
      if (state.items.length === 0) {
        return (
          <StatusView
            tone="empty"
            title="附近暂无城管工作站"
            message={`${formatDistance(state.searchedRadiusM)}范围内没有找到工作站，可拨打 12345 热线反映问题`}
            actionText="重新定位"
            onAction={() => void reload()}
          />
        );
      }
      return (
        <>
          {IS_WEAPP && <StationMap center={state.at} stations={state.items} onSelect={(id) => void openStationPage(id)} />}
          {state.items.map((station) => (
            <StationCard key={station.id} station={station} distanceM={station.distanceM} />
          ))}
        </>
      );
    case 'fallback':
      return (
        <>
          <LocationNotice
            reason={state.reason}
            actionText={state.reason === 'denied' && IS_WEAPP ? '去开启定位' : '重新定位'}
            onAction={() => void allowLocation()}
          />
          {state.items.length === 0 ? (
            <StatusView tone="empty" title="暂无工作站" message="工作站信息正在整理中，请稍后再来看看" />
          ) : (
            <>
              {IS_WEAPP && <StationMap stations={state.items} onSelect={(id) => void openStationPage(id)} />}
              {state.items.map((station) => (
                <StationCard key={station.id} station={station} />
              ))}
            </>
          )}
        </>
      );
  }
}
