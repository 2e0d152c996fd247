import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Echarts, { type EChartOption } from 'taro-react-echarts';
import type { FigureGroup, FigureTally } from '@citycare/shared';
import type { ChartColours } from '../../../features/staff/chart-colours';
import { rateBars } from '../../../features/staff/figures';
import echarts from './echarts';

/**
 * ECharts sizes its canvas from the box it gets at start, before a percentage width has settled,
 * so the width is given in pixels: the window less the section's margins and padding
 * (2 × 12 + 2 × 16 CSS px at 375).
 */
const SECTION_INSET_PX = 56;
const CHART_STYLE = { width: `${Math.max(240, Taro.getSystemInfoSync().windowWidth - SECTION_INSET_PX)}px`, height: '240px' };

/** The 三率 as three bars, 0–100%. */
export function RatesChart({ totals, colours, testId }: { totals: FigureTally; colours: ChartColours; testId: string }) {
  const bars = rateBars(totals);
  const option: EChartOption = {
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { color: colours.text } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: colours.text } },
    series: [
      {
        type: 'bar',
        barWidth: '40%',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.measured ? colours.primary : colours.muted } })),
        label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => (bars[p.dataIndex].measured ? `${bars[p.dataIndex].value}%` : '—') },
      },
    ],
  };
  return (
    <View data-testid={testId}>
      <Echarts echarts={echarts} option={option} style={CHART_STYLE} isPage={false} />
    </View>
  );
}

/** Received vs closed per category (or source): where the work is. */
export function GroupsChart({ groups, colours, testId }: { groups: FigureGroup[]; colours: ChartColours; testId: string }) {
  const option: EChartOption = {
    grid: { left: 40, right: 16, top: 32, bottom: 48 },
    legend: { data: ['受理', '办结'], top: 0, textStyle: { color: colours.text } },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0, rotate: groups.length > 4 ? 30 : 0, color: colours.text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: colours.text } },
    series: [
      { name: '受理', type: 'bar', data: groups.map((g) => g.received), itemStyle: { color: colours.primary } },
      { name: '办结', type: 'bar', data: groups.map((g) => g.closed), itemStyle: { color: colours.success } },
    ],
  };
  return (
    <View data-testid={testId}>
      <Echarts echarts={echarts} option={option} style={CHART_STYLE} isPage={false} />
    </View>
  );
}
