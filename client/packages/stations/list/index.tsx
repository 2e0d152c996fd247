import { Input, View } from '@tarojs/components';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { formatDistance } from '@citycare/shared';
import { messageOf } from '../../../api';
import LocationNotice from '../../../components/LocationNotice';
import Screen from '../../../components/Screen';
import Skeleton from '../../../components/Skeleton';
import StationCard from '../../../components/StationCard';
import StationMap from '../../../components/StationMap';
import StatusView from '../../../components/StatusView';
import { useResidentLocation } from '../../../hooks/useResidentLocation';
import { searchStations, useStationDirectory } from '../../../hooks/useStationDirectory';
import { openLocationSettings } from '../../../services/location';
import { openStationPage } from '../../../services/navigation';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 工作站: map (weapp) and list with distances, searchable by name. */
export default function StationListPage() {
  const { location, relocate } = useResidentLocation();
  const directory = useStationDirectory(location);
  const [search, setSearch] = useState('');
  usePullRefresh(relocate);

  const allowLocation = async (): Promise<void> => {
    if (location.phase === 'failed' && location.reason === 'denied' && IS_WEAPP && !(await openLocationSettings())) return;
    await relocate();
  };

  const { state } = directory;
  return (
    <Screen testId="stations-page">
      <View className="stations__search">
        <Input
          className="stations__input"
          value={search}
          placeholder="搜索工作站、社区或地址"
          placeholderClass="stations__placeholder"
          onInput={(e) => setSearch(e.detail.value)}
          data-testid="station-search"
        />
      </View>
      {location.phase === 'failed' && (
        <LocationNotice reason={location.reason} actionText={location.reason === 'denied' && IS_WEAPP ? '去开启定位' : '重新定位'} onAction={() => void allowLocation()} />
      )}
      {state.status === 'loading' || location.phase === 'locating' ? (
        <Skeleton />
      ) : state.status === 'error' ? (
        <StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={() => void directory.refresh()} />
      ) : state.data.items.length === 0 ? (
        <StatusView
          tone="empty"
          title="附近暂无城管工作站"
          message={`${formatDistance(state.data.searchedRadiusM ?? 0)}范围内没有找到工作站，可拨打 12345 热线反映问题`}
        />
      ) : (
        <>
          {IS_WEAPP && !search && (
            <StationMap center={state.data.at ?? undefined} stations={state.data.items} onSelect={(id) => void openStationPage(id)} />
          )}
          {searchStations(state.data.items, search).map((station) => (
            <StationCard key={station.id} station={station} distanceM={station.distanceM} />
          ))}
          {search && searchStations(state.data.items, search).length === 0 && (
            <StatusView tone="empty" title="没有找到" message={`没有名称或地址包含“${search.trim()}”的工作站`} />
          )}
        </>
      )}
    </Screen>
  );
}
