import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CursorListState } from '../../api/hooks';
import { messageOf } from '../../api/error';
import StatusView from '../StatusView';
import Skeleton from '../Skeleton';
import './index.css';

interface Props<T> {
  state: CursorListState<T>;
  renderItem: (item: T) => ReactNode;
  empty: { title: string; message?: string; actionText?: string; onAction?: () => void };
  onRetry: () => void;
  onLoadMore: () => void;
  testId?: string;
}

/**
 * A cursor-paged list: skeleton while the first page loads, the error with 重试, the empty
 * message, then items and a footer (loading more, 没有更多了, or a failed refresh or next page
 * to tap again: onRetry loads the first page again, onLoadMore the next one).
 * Pages call loadMore from useReachBottom and refresh from usePullRefresh.
 */
export default function InfiniteList<T extends { id: string }>({ state, renderItem, empty, onRetry, onLoadMore, testId }: Props<T>) {
  if (state.status === 'loading') return <Skeleton />;
  if (state.status === 'error') {
    return <StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={onRetry} />;
  }
  if (state.items.length === 0) return <StatusView tone="empty" {...empty} />;
  return (
    <View data-testid={testId}>
      {state.items.map((item) => (
        <View key={item.id}>{renderItem(item)}</View>
      ))}
      <View className="infinite-list__footer" data-testid="list-footer">
        {state.loadingMore ? (
          <Text>正在加载…</Text>
        ) : state.refreshError ? (
          <Text className="infinite-list__retry" data-testid="list-refresh-failed" onClick={onRetry}>
            {messageOf(state.refreshError)}，点此刷新
          </Text>
        ) : state.moreError ? (
          <Text className="infinite-list__retry" onClick={onLoadMore}>
            {messageOf(state.moreError)}，点此重试
          </Text>
        ) : state.hasMore ? (
          <Text onClick={onLoadMore}>上拉加载更多</Text>
        ) : (
          <Text>没有更多了</Text>
        )}
      </View>
    </View>
  );
}
