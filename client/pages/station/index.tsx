import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { StationDetail } from '@citycare/shared';
import DemoTag from '../../components/DemoTag';
import OfficerCard from '../../components/OfficerCard';
import StationSkeleton from '../../components/StationSkeleton';
import StatusView from '../../components/StatusView';
import { useStation } from '../../hooks/useStation';
import { navigateToStation } from '../../services/navigation';
import { callStation } from '../../services/phone';
import './index.css';

/** One station: where and when, how to call, and the officers on duty (上墙挂牌). */
export default function StationPage() {
  const { params } = useRouter();
  const { state, reload } = useStation(params.id);

  useEffect(() => {
    if (state.phase === 'ready') void Taro.setNavigationBarTitle({ title: state.station.community || '工作站详情' });
  }, [state]);

  switch (state.phase) {
    case 'loading':
      return (
        <View className="page station-page">
          <StationSkeleton count={2} />
        </View>
      );
    case 'not_found':
      return (
        <View className="page station-page">
          <StatusView
            tone="empty"
            testId="station-not-found"
            title="工作站不存在"
            message="该工作站可能已撤销或合并"
            actionText="返回首页"
            onAction={() => void Taro.reLaunch({ url: '/pages/index/index' })}
          />
        </View>
      );
    case 'error':
      return (
        <View className="page station-page">
          <StatusView tone="error" title="加载失败" message={state.message} actionText="重试" onAction={() => void reload()} />
        </View>
      );
    case 'ready':
      return <StationView station={state.station} />;
  }
}

function StationView({ station }: { station: StationDetail }) {
  return (
    <View className="page station-page" data-testid="station-detail">
      <View className="station-page__hero">
        <View className="station-page__title">
          <Text className="station-page__name" data-testid="station-title">
            {station.name}
          </Text>
          {station.demo && <DemoTag />}
        </View>
        <Text className="station-page__community">{station.community}</Text>
      </View>

      <View className="station-page__card station-page__info">
        <InfoRow label="地址" value={station.address} />
        <InfoRow label="开放时间" value={station.openingHours} />
        <InfoRow label="联系电话" value={station.phone} />
        <View className="station-page__actions">
          <View
            className="station-page__button station-page__button--call"
            hoverClass="station-page__button--pressed"
            data-testid="call-button"
            onClick={() => void callStation(station.phone)}
          >
            一键拨打
          </View>
          <View
            className="station-page__button station-page__button--navigate"
            hoverClass="station-page__button--pressed"
            data-testid="navigate-button"
            onClick={() => void navigateToStation(station)}
          >
            导航前往
          </View>
        </View>
      </View>

      <View className="station-page__card">
        <View className="station-page__section-head">
          <Text className="station-page__section-title">在岗队员</Text>
          <Text className="station-page__section-hint">上墙挂牌 · 有事找我</Text>
        </View>
        {station.officers.length === 0 ? (
          <Text className="station-page__empty">暂无在岗队员信息，可拨打工作站电话咨询</Text>
        ) : (
          station.officers.map((officer) => <OfficerCard key={`${officer.name}-${officer.role}`} officer={officer} />)
        )}
      </View>
    </View>
  );
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="station-page__row">
      <Text className="station-page__label">{label}</Text>
      <Text className="station-page__value">{value}</Text>
    </View>
  );
}
