import { View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { usePullRefresh } from '../../hooks/usePullRefresh';
import { useRefreshOnShow } from '../../hooks/useRefreshOnShow';
import { useState } from 'react';
import { cases, needsSignIn, queryKeys, useCursorList } from '../../api';
import CaseCard from '../../components/CaseCard';
import InfiniteList from '../../components/InfiniteList';
import { usePhotoRefresh } from '../../components/Photo';
import Screen from '../../components/Screen';
import SignInPrompt from '../../components/SignInPrompt';
import Tabs from '../../components/Tabs';
import { go } from '../../services/router';
import './index.css';

type Tab = 'mine' | 'following';

const TABS = [
  { key: 'mine', label: '我报的' },
  { key: 'following', label: '我关注的' },
] as const;

const EMPTY: Record<Tab, { title: string; message: string; actionText: string }> = {
  mine: { title: '还没有反映过问题', message: '发现身边的城市管理问题，随手拍一下', actionText: '去随手拍' },
  following: { title: '还没有关注的问题', message: '随手拍时若附近已有人反映，选择“我也遇到”即可在这里跟进', actionText: '去随手拍' },
};

/** 我的报事: my cases and the cases I follow (我也遇到), newest first, with status, overdue and 待评价 marks. */
export default function MyCasesPage() {
  const [tab, setTab] = useState<Tab>('mine');
  const lists = {
    mine: useCursorList(queryKeys.cases.mine(), (cursor) => cases.mine(cursor)),
    following: useCursorList(queryKeys.cases.following(), (cursor) => cases.following(cursor)),
  };
  const list = lists[tab];
  const onPhotoError = usePhotoRefresh(list.refresh);
  usePullRefresh(list.refresh);
  // Both tabs: a case may have moved on in either while the resident was away.
  useRefreshOnShow(lists.mine.refresh, lists.following.refresh);
  useReachBottom(() => void list.loadMore());

  if (list.state.status === 'error' && needsSignIn(list.state.error)) {
    return (
      <Screen tab className="my-cases" testId="my-cases-page">
        <SignInPrompt back="myCases" />
      </Screen>
    );
  }
  return (
    <Screen tab className="my-cases" testId="my-cases-page">
      <Tabs tabs={TABS} value={tab} onChange={setTab} testId="my-cases-tab" />
      <View data-testid={`my-cases-${tab}`}>
        <InfiniteList
          state={list.state}
          testId="my-cases"
          renderItem={(item) => <CaseCard item={item} onPhotoError={onPhotoError} />}
          empty={{ ...EMPTY[tab], onAction: () => void go('report') }}
          onRetry={() => void list.refresh()}
          onLoadMore={() => void list.loadMore()}
        />
      </View>
    </Screen>
  );
}
