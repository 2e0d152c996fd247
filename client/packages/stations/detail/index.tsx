import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { StationDetail } from '@citycare/shared';
import { events, messageOf, queryKeys, useQuery, zones } from '../../../api';
import Button from '../../../components/Button';
import DemoTag from '../../../components/DemoTag';
import EventCard from '../../../components/EventCard';
import InfoRow from '../../../components/InfoRow';
import OfficerCard from '../../../components/OfficerCard';
import { usePhotoRefresh } from '../../../components/Photo';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import ZoneCard from '../../../components/ZoneCard';
import { useStation } from '../../../hooks/useStation';
import StationRecordCard from './StationRecordCard';
import { navigateToStation } from '../../../services/navigation';
import { callStation } from '../../../services/phone';
import { go } from '../../../services/router';
import './index.css';

/** One station: where and when, call and navigate, officers on duty, its last 30 days, open days and stall zones. */
export default function StationPage() {
  const { params } = useRouter();
  const { state, refresh } = useStation(params.id);

  useEffect(() => {
    if (state.status === 'success') void Taro.setNavigationBarTitle({ title: state.data.community || '工作站详情' });
  }, [state]);

  if (!params.id || state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus
          state={state}
          missing={!params.id}
          onRetry={() => void refresh()}
          notFound={{ testId: 'station-not-found', title: '工作站不存在', message: '该工作站可能已撤销或合并', actionText: '返回首页', onAction: () => void go('home') }}
          skeleton={2}
        />
      </Screen>
    );
  }
  return <StationView station={state.data} refresh={refresh} />;
}

function StationView({ station, refresh }: { station: StationDetail; refresh: () => Promise<unknown> }) {
  const onPhotoError = usePhotoRefresh(refresh);
  const upcoming = useQuery(queryKeys.events.upcoming(station.id), () => events.upcoming({ stationId: station.id, limit: 5 }));
  const stalls = useQuery(queryKeys.zones.ofStation(station.id), () => zones.ofStation(station.id));
  return (
    <Screen testId="station-detail">
      <View className="hero">
        <View className="row">
          <Text className="hero__title" data-testid="station-title">
            {station.name}
          </Text>
          {station.demo && <DemoTag />}
        </View>
        <Text className="hero__subtitle">{station.community}</Text>
      </View>

      <View className="section hero__overlap">
        <InfoRow label="地址" value={station.address} />
        <InfoRow label="开放时间" value={station.openingHours} />
        <InfoRow label="联系电话" value={station.phone} />
        <View className="station-page__actions">
          <Button kind="call" block testId="call-button" onClick={() => void callStation(station.phone)}>
            一键拨打
          </Button>
          <View className="station-page__gap" />
          <Button kind="secondary" block testId="navigate-button" onClick={() => void navigateToStation(station)}>
            导航前往
          </Button>
        </View>
      </View>

      <View className="section">
        <View className="section__head">
          <Text className="section__title">在岗队员</Text>
          <Text className="muted">上墙挂牌 · 有事找我</Text>
        </View>
        {station.officers.length === 0 ? (
          <Text className="muted">暂无在岗队员信息，可拨打工作站电话咨询</Text>
        ) : (
          station.officers.map((officer) => <OfficerCard key={`${officer.name}-${officer.role}`} officer={officer} onPhotoError={onPhotoError} />)
        )}
      </View>

      <StationRecordCard stationId={station.id} />

      <View className="section">
        <Text className="section__title">近期开放日</Text>
        {upcoming.state.status === 'success' && upcoming.state.data.items.length > 0 ? (
          upcoming.state.data.items.map((event) => <EventCard key={event.id} event={event} />)
        ) : (
          <Text className="muted gap-top block">
            {upcoming.state.status === 'error' ? messageOf(upcoming.state.error) : upcoming.state.status === 'loading' ? '加载中…' : '暂无安排'}
          </Text>
        )}
      </View>

      <View className="section">
        <Text className="section__title">临时摊位区</Text>
        {stalls.state.status === 'success' && stalls.state.data.items.length > 0 ? (
          stalls.state.data.items.map((zone) => <ZoneCard key={zone.id} zone={zone} />)
        ) : (
          <Text className="muted gap-top block">
            {stalls.state.status === 'error' ? messageOf(stalls.state.error) : stalls.state.status === 'loading' ? '加载中…' : '暂无摊位区'}
          </Text>
        )}
      </View>
    </Screen>
  );
}
