import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { addChinaDays, chinaDate, type FigureGrouping, type FigureGroupRow } from '@citycare/shared';
import { admin, queryKeys, useQuery } from '../../../api';
import BarChart from '../../../components/BarChart';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import QueryStatus from '../../../components/QueryStatus';
import { useAction } from '../../../hooks/useAction';
import { saveTextFile } from '../../../services/files';
import { percent } from '../../../services/format';
import AdminFrame, { Cell, Chips, Panel, Row, Table } from '../AdminFrame';
import OverdueList from './OverdueList';

const GROUPINGS: ReadonlyArray<{ key: FigureGrouping; label: string }> = [
  { key: 'station', label: '按工作站' },
  { key: 'community', label: '按社区' },
  { key: 'category', label: '按问题类型' },
  { key: 'source', label: '按来源' },
];
const RATES = [
  { key: 'responseRate', label: '响应率' },
  { key: 'closureRate', label: '办结率' },
  { key: 'satisfactionRate', label: '满意率' },
] as const;

const hours = (v: number | null) => (v === null ? '—' : `${v}`);
const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

/** City figures: 三率 by station, community, category or source over a period — charts, table, CSV; overdue cases per station. */
export default function AdminFiguresPage() {
  const today = chinaDate(new Date());
  const [by, setBy] = useState<FigureGrouping>('station');
  const [range, setRange] = useState({ from: addChinaDays(today, -29), to: today });
  const [draft, setDraft] = useState(range);
  const [overdueOf, setOverdueOf] = useState<FigureGroupRow | null>(null);
  const figures = useQuery(queryKeys.admin.figures(by, range.from, range.to), () => admin.figureGroups(by, range.from, range.to));
  const exportCsv = useAction(async () => {
    const csv = await admin.figureGroupsCsv(by, range.from, range.to);
    await saveTextFile(`三率-${by}-${range.from}-${range.to}.csv`, csv, 'text/csv');
  });
  const apply = () => {
    if (isDay(draft.from) && isDay(draft.to)) setRange(draft);
  };
  const quick = (days: number) => {
    const next = { from: addChinaDays(today, 1 - days), to: today };
    setDraft(next);
    setRange(next);
  };

  return (
    <AdminFrame section="adminFigures" title="全市统计（三率）">
      <Panel title="统计范围" note="按上报日期（北京时间）统计，最长 366 天">
        <View className="admin-actions">
          <Button size="sm" kind="secondary" onClick={() => quick(7)}>近 7 天</Button>
          <Button size="sm" kind="secondary" onClick={() => quick(30)}>近 30 天</Button>
          <Button size="sm" kind="secondary" onClick={() => quick(365)}>近一年</Button>
        </View>
        <View className="admin-grid">
          <Field label="开始日期" value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} placeholder="YYYY-MM-DD" testId="figures-from" />
          <Field label="结束日期" value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} placeholder="YYYY-MM-DD" testId="figures-to" />
        </View>
        <View className="admin-actions">
          <Button size="sm" testId="figures-apply" onClick={apply}>查询</Button>
          <Button size="sm" kind="secondary" loading={exportCsv.busy} testId="figures-csv" onClick={() => void exportCsv.run()}>导出 CSV</Button>
        </View>
        <Chips options={GROUPINGS} value={by} onChange={(k) => { setBy(k); setOverdueOf(null); }} testId="figures-by" />
        {exportCsv.failure && <Text className="admin-message admin-message--error">{exportCsv.failure}</Text>}
      </Panel>

      {figures.state.status !== 'success' ? (
        <QueryStatus state={figures.state} onRetry={() => void figures.refresh()} skeleton={3} />
      ) : (
        <View>
          <View className="admin-figures-charts">
            {RATES.map((r) => (
              <Panel key={r.key} title={r.label} testId={`chart-${r.key}`}>
                <BarChart max={1} format={(v) => `${(v * 100).toFixed(1)}%`} bars={figures.state.status === 'success' ? figures.state.data.items.slice(0, 12).map((g) => ({ key: g.key, label: g.label, value: g[r.key] })) : []} />
              </Panel>
            ))}
          </View>
          <Panel title="明细" note={`${figures.state.data.from} 至 ${figures.state.data.to}`} testId="figures-table">
            <Table columns="minmax(0,3fr) repeat(8, minmax(0,1fr))" head={['分组', '受理数', '响应率', '办结率', '满意率', '评价数', '平均受理(时)', '平均办结(时)', '当前超期']}>
              {figures.state.data.items.map((g) => (
                <Row key={g.key} testId="figures-row">
                  <Cell>
                    <Text data-testid="figures-label">{g.label}</Text>
                  </Cell>
                  <Cell>{g.received}</Cell>
                  <Cell>{percent(g.responseRate)}</Cell>
                  <Cell>{percent(g.closureRate)}</Cell>
                  <Cell>{percent(g.satisfactionRate)}</Cell>
                  <Cell>{g.ratings}</Cell>
                  <Cell>{hours(g.avgAcceptHours)}</Cell>
                  <Cell>{hours(g.avgResolveHours)}</Cell>
                  <Cell>
                    {g.overdueNow === null ? '—' : by === 'station' && g.overdueNow > 0 ? (
                      <Text className="admin-link admin-link--danger" data-testid="figures-overdue" onClick={() => setOverdueOf(g)}>
                        {g.overdueNow} 件
                      </Text>
                    ) : (
                      `${g.overdueNow}`
                    )}
                  </Cell>
                </Row>
              ))}
            </Table>
            {figures.state.data.items.length === 0 && <Text className="admin-message">这段时间没有上报的案件</Text>}
          </Panel>
          {overdueOf && <OverdueList key={overdueOf.key} stationId={overdueOf.key} stationName={overdueOf.label} />}
        </View>
      )}
    </AdminFrame>
  );
}
