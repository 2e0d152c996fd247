import { View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useMemo, useState } from 'react';
import { CASE_SOURCE_LABELS, CASE_SOURCES, type CaseSource, type CaseStatus } from '@citycare/shared';
import { queryKeys, useCursorList, useQuery } from '../../../api';
import { staffCases, type QueueFilter } from '../../../api/staff';
import Chips from '../../../components/Chips';
import InfiniteList from '../../../components/InfiniteList';
import { usePhotoRefresh } from '../../../components/Photo';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import Tabs from '../../../components/Tabs';
import { useNow } from '../../../hooks/useNow';
import { useCategoryChips } from '../../../features/staff/categories';
import StaffCaseCard from './StaffCaseCard';
import '../staff.css';

type Tab = 'new' | 'working' | 'resolved' | 'all';
const TAB_STATUSES: Record<Tab, readonly CaseStatus[]> = {
  new: ['submitted'],
  working: ['accepted', 'in_progress'],
  resolved: ['resolved'],
  all: [],
};
/** The badge counts at most this many new cases (one page of the queue); more shows "99+". */
const NEW_COUNT_PAGE = 100;

const SOURCE_CHIPS = CASE_SOURCES.map((s) => ({ key: s, label: CASE_SOURCE_LABELS[s] }));

export default function StaffQueuePage() {
  return (
    <RoleGate roles={['officer', 'lead']}>
      <Queue />
    </RoleGate>
  );
}

/** 案件队列: my station's cases by status tab, filtered, most urgent first, with countdowns. */
function Queue() {
  const [tab, setTab] = useState<Tab>('new');
  const [category, setCategory] = useState<string | null>(null);
  const [source, setSource] = useState<CaseSource | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const now = useNow();
  const categoryChips = useCategoryChips();

  const filter: QueueFilter = { status: TAB_STATUSES[tab], category: category ?? undefined, source: source ?? undefined, overdue };
  const filterKey = JSON.stringify(filter);
  const list = useCursorList(queryKeys.staff.queue(filterKey), (cursor) => staffCases.queue(filter, cursor));
  const fresh = useQuery(queryKeys.staff.newCount(), () => staffCases.queue({ status: ['submitted'] }, undefined, NEW_COUNT_PAGE));
  const onPhotoError = usePhotoRefresh(list.refresh);
  usePullRefresh(list.refresh, fresh.refresh);
  useReachBottom(() => void list.loadMore());

  const newCount = fresh.state.status === 'success' ? fresh.state.data.items.length : 0;
  const tabs = useMemo(
    () => [
      { key: 'new' as const, label: newCount ? `待受理 ${fresh.state.status === 'success' && fresh.state.data.next ? '99+' : newCount}` : '待受理' },
      { key: 'working' as const, label: '处置中' },
      { key: 'resolved' as const, label: '已办结' },
      { key: 'all' as const, label: '全部' },
    ],
    [newCount, fresh.state],
  );
  const filtered = category !== null || source !== null || overdue;

  return (
    <Screen className="staff" testId="staff-queue">
      <Tabs tabs={tabs} value={tab} onChange={setTab} testId="queue-tab" />
      <View className="section gap-top">
        <View className="row row--between">
          <Chips options={[{ key: 'overdue', label: '只看超期' }]} value={overdue ? 'overdue' : null} onChange={(k) => setOverdue(k !== null)} testId="queue-overdue" />
          <View className={`staff-link${filtered ? ' staff-link--on' : ''}`} onClick={() => setShowFilters(!showFilters)} data-testid="queue-filters-toggle">
            {showFilters ? '收起筛选' : filtered ? '筛选中 ›' : '分类 · 来源 ›'}
          </View>
        </View>
        {showFilters && (
          <View data-testid="queue-filters">
            <Chips options={categoryChips} value={category} onChange={setCategory} testId="queue-category" />
            <Chips options={SOURCE_CHIPS} value={source} onChange={setSource} testId="queue-source" />
          </View>
        )}
      </View>
      <View data-testid={`queue-${tab}`}>
        <InfiniteList
          state={list.state}
          testId="queue-list"
          renderItem={(item) => <StaffCaseCard item={item} now={now} onPhotoError={onPhotoError} />}
          empty={{ title: filtered ? '没有符合筛选的案件' : '暂无案件', message: tab === 'new' ? '新的报事会出现在这里' : undefined }}
          onRetry={() => void list.refresh()}
          onLoadMore={() => void list.loadMore()}
        />
      </View>
    </Screen>
  );
}
