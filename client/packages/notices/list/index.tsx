import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { needsSignIn, notices, PHASE2_READY, queryKeys, useCursorList } from '../../../api';
import ComingSoon from '../../../components/ComingSoon';
import InfiniteList from '../../../components/InfiniteList';
import NoticeRow from '../../../components/NoticeRow';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import { useAppState } from '../../../store/app-store';

/** 公告: my community's notices and the city's, pinned first, unread marked. */
export default function NoticeListPage() {
  const community = useAppState((s) => s.user?.community ?? null);
  const list = useCursorList(queryKeys.notices.list(), (cursor) => notices.list(cursor));
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  if (list.state.status === 'error' && needsSignIn(list.state.error)) {
    return (
      <Screen>
        <SignInPrompt back="notices" />
      </Screen>
    );
  }
  return (
    <Screen testId="notices-page">
      <View className="section gap-top">
        <InfiniteList
          state={list.state}
          testId="notice-list"
          renderItem={(notice) => <NoticeRow notice={notice} />}
          empty={{ title: '暂无公告', message: community ? `${community}和全市的公告会显示在这里` : '全市的公告会显示在这里' }}
          onRetry={() => void list.refresh()}
          onLoadMore={() => void list.loadMore()}
        />
        {!community && !PHASE2_READY.chooseCommunity && (
          <ComingSoon title="选择我的社区" message="选择所在社区后，可收到本社区的公告" />
        )}
      </View>
    </Screen>
  );
}
