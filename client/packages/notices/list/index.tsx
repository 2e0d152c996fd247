import { View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { needsSignIn, notices, queryKeys, useCursorList } from '../../../api';
import InfiniteList from '../../../components/InfiniteList';
import ListRow from '../../../components/ListRow';
import NoticeRow from '../../../components/NoticeRow';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import { go } from '../../../services/router';
import { useAppState } from '../../../store/app-store';

/** 公告: my community's notices and the city's, pinned first, unread marked. */
export default function NoticeListPage() {
  const user = useAppState((s) => s.user);
  const community = user?.community ?? null;
  const list = useCursorList(queryKeys.notices.list(), (cursor) => notices.list(cursor));
  usePullRefresh(list.refresh);
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
        {user?.role === 'resident' && !community && (
          <ListRow title="选择我的社区" note="选择后可收到本社区的公告" arrow testId="notices-choose-community" onClick={() => void go('community')} />
        )}
      </View>
    </Screen>
  );
}
