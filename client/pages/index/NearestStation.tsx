import { Text, View } from '@tarojs/components';
import { formatDistance } from '@citycare/shared';
import { messageOf } from '../../api';
import Button from '../../components/Button';
import DemoTag from '../../components/DemoTag';
import LocationNotice from '../../components/LocationNotice';
import Skeleton from '../../components/Skeleton';
import StatusView from '../../components/StatusView';
import type { LocationState } from '../../hooks/useResidentLocation';
import { useStation } from '../../hooks/useStation';
import { useStationDirectory } from '../../hooks/useStationDirectory';
import { navigateToStation, openStationPage } from '../../services/navigation';
import { callStation } from '../../services/phone';
import { go } from '../../services/router';

/** The station closest to the resident, with its officers on duty, call and navigate. */
export default function NearestStation({ location, onRelocate }: { location: LocationState; onRelocate: () => void }) {
  const directory = useStationDirectory(location);
  const { state } = directory;
  const nearest = state.status === 'success' && location.phase === 'located' ? state.data.items[0] : undefined;
  const detail = useStation(nearest?.id);

  if (location.phase === 'locating' || state.status === 'loading') return <Skeleton count={1} />;
  if (state.status === 'error') {
    return <StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={() => void directory.refresh()} />;
  }
  if (location.phase === 'failed') {
    return (
      <View>
        <LocationNotice reason={location.reason} actionText="重新定位" onAction={onRelocate} />
        <View className="section">
          <Text className="muted">无法按距离排序，可查看全部 {state.data.items.length} 个工作站</Text>
          <View className="gap-top">
            <Button kind="secondary" block testId="all-stations" onClick={() => void go('stations')}>
              查看全部工作站
            </Button>
          </View>
        </View>
      </View>
    );
  }
  if (!nearest) {
    return <StatusView tone="empty" title="附近暂无城管工作站" message="可拨打 12345 热线反映问题" actionText="查看全部工作站" onAction={() => void go('stations')} />;
  }
  const officers = detail.state.status === 'success' ? detail.state.data.officers : [];
  return (
    <View className="section" data-testid="nearest-station">
      <View className="row row--between" onClick={() => void openStationPage(nearest.id)}>
        <Text className="section__title" data-testid="nearest-name">
          {nearest.name}
        </Text>
        {nearest.distanceM !== undefined && (
          <Text className="home__distance" data-testid="nearest-distance">
            {formatDistance(nearest.distanceM)}
          </Text>
        )}
      </View>
      <View className="row">
        <Text className="muted">{nearest.community}</Text>
        {nearest.demo && <DemoTag />}
      </View>
      <Text className="muted block">{nearest.address} · {nearest.openingHours}</Text>
      <Text className="home__officers" data-testid="nearest-officers">
        {officers.length ? `在岗队员：${officers.map((o) => o.name).join('、')}` : detail.state.status === 'loading' ? '正在查询在岗队员…' : '暂无在岗队员信息'}
      </Text>
      <View className="row gap-top">
        <View className="home__grow">
          <Button kind="call" block testId="nearest-call" onClick={() => void callStation(nearest.phone)}>
            一键拨打
          </Button>
        </View>
        <View className="home__gap" />
        <View className="home__grow">
          <Button kind="secondary" block testId="nearest-navigate" onClick={() => void navigateToStation(nearest)}>
            导航前往
          </Button>
        </View>
      </View>
      <Text className="section__more block home__more" onClick={() => void go('stations')} data-testid="more-stations">
        查看附近全部工作站 ›
      </Text>
    </View>
  );
}
