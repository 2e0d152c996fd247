import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { cases, needsSignIn, queryKeys, useCursorList } from '../../api';
import CaseCard from '../../components/CaseCard';
import ComingSoon from '../../components/ComingSoon';
import InfiniteList from '../../components/InfiniteList';
import Screen from '../../components/Screen';
import SignInPrompt from '../../components/SignInPrompt';
import { go } from '../../services/router';
import './index.css';

/** 我的报事: my cases, newest first, with status, overdue and 待评价 marks. */
export default function MyCasesPage() {
  const list = useCursorList(queryKeys.cases.mine(), (cursor) => cases.mine(cursor));
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
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
      <View className="gap-top" />
      <InfiniteList
        state={list.state}
        testId="my-cases"
        renderItem={(item) => <CaseCard item={item} />}
        empty={{ title: '还没有反映过问题', message: '发现身边的城市管理问题，随手拍一下', actionText: '去随手拍', onAction: () => void go('report') }}
        onRetry={() => void list.refresh()}
        onLoadMore={() => void list.loadMore()}
      />
      <View className="section">
        <ComingSoon title="我关注的问题" message="在随手拍时选择“我也遇到”的问题，将在这里一起显示进度" />
      </View>
    </Screen>
  );
}
