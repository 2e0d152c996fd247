import { Text, View } from '@tarojs/components';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import type { FiguresResponse } from '@citycare/shared';
import { queryKeys, useQuery } from '../../../api';
import { figures } from '../../../api/staff';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import Tabs from '../../../components/Tabs';
import { CHART_COLOURS, CHART_COLOURS_ELDER } from '../../../features/staff/chart-colours';
import { periodRange, type FigurePeriod } from '../../../features/staff/figures';
import { hours, percent } from '../../../services/format';
import FigureGrid, { FigureCell } from '../../../components/FigureGrid';
import { useAppState } from '../../../store/app-store';
import { GroupsChart, RatesChart } from './Charts';

const PERIODS = [
  { key: 'week' as const, label: '本周' },
  { key: 'month' as const, label: '本月' },
];

export default function FiguresPage() {
  return (
    <RoleGate roles={['lead', 'secretary']}>
      <Figures />
    </RoleGate>
  );
}

/** 本站数据 (lead) / 社区数据 (secretary): 三率, mean hours to accept and resolve, overdue now, for this week or month. */
function Figures() {
  const scope = useAppState((s) => (s.role === 'secretary' ? 'community' : 'station'));
  const [period, setPeriod] = useState<FigurePeriod>('week');
  const { from, to } = periodRange(period, new Date());
  const query = useQuery(queryKeys.staff.figures(scope, from, to), () => figures.get(scope, from, to));
  usePullRefresh(query.refresh);
  const { state } = query;
  return (
    <Screen className="figures" testId="figures-page">
      <Tabs tabs={PERIODS} value={period} onChange={setPeriod} testId="figures-period" />
      {state.status === 'success' ? <FigureView data={state.data} /> : <QueryStatus state={state} onRetry={() => void query.refresh()} skeleton={3} />}
    </Screen>
  );
}

function FigureView({ data }: { data: FiguresResponse }) {
  const t = data.totals;
  const colours = useAppState((s) => (s.elderMode ? CHART_COLOURS_ELDER : CHART_COLOURS));
  return (
    <View>
      <View className="section gap-top">
        <Text className="section__title">{data.name}</Text>
        <Text className="muted block">
          {data.from} 至 {data.to} · 受理 {t.received} 件
        </Text>
        <FigureGrid testId="figures-numbers">
          <FigureCell label="响应率" value={percent(t.responseRate)} testId="figure-response" />
          <FigureCell label="办结率" value={percent(t.closureRate)} testId="figure-closure" />
          <FigureCell label="满意率" value={percent(t.satisfactionRate)} testId="figure-satisfaction" />
          <FigureCell label="平均受理用时" value={hours(t.avgAcceptHours)} />
          <FigureCell label="平均办结用时" value={hours(t.avgResolveHours)} />
          <FigureCell label="当前超期" value={`${data.overdueNow} 件`} testId="figure-overdue" danger={data.overdueNow > 0} />
        </FigureGrid>
      </View>
      <View className="section">
        <Text className="section__title">三率</Text>
        <RatesChart totals={t} colours={colours} testId="chart-rates" />
      </View>
      {data.byCategory.length > 0 && (
        <View className="section">
          <Text className="section__title">按问题分类</Text>
          <GroupsChart groups={data.byCategory} colours={colours} testId="chart-categories" />
        </View>
      )}
    </View>
  );
}
