import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';
import { messageOf, needsSignIn, notices, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import PhotoGrid, { usePhotoRefresh } from '../../../components/Photo';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import Skeleton from '../../../components/Skeleton';
import StatusView from '../../../components/StatusView';
import { markRead } from '../../../features/notices/read-marks';
import { formatDateTime } from '../../../services/format';
import { routeUrl } from '../../../services/router';
import './index.css';

/** One notice: title, text, photos; opening it marks it read; shareable in WeChat. */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.notices.detail(id) : null, () => notices.get(id));
  const onPhotoError = usePhotoRefresh(query.refresh);
  const { state } = query;

  useEffect(() => {
    if (state.status === 'success') markRead(state.data.id);
  }, [state]);

  useShareAppMessage(() => ({
    title: state.status === 'success' ? state.data.title : '社区公告',
    path: routeUrl('noticeDetail', { id }),
  }));

  if (state.status === 'loading') return <Screen><Skeleton count={1} /></Screen>;
  if (state.status === 'error') {
    return (
      <Screen>
        {needsSignIn(state.error) ? (
          <SignInPrompt back="notices" />
        ) : (state.error as { isNotFound?: boolean }).isNotFound ? (
          <StatusView tone="empty" title="公告不存在" message="它可能已撤回或过期" />
        ) : (
          <StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={() => void query.refresh()} />
        )}
      </Screen>
    );
  }
  const notice = state.data;
  return (
    <Screen testId="notice-detail">
      <View className="section gap-top">
        <View className="row">
          {notice.pinned && <Badge tone="danger" text="置顶" />}
          <Badge tone="neutral" text={notice.community ?? '全市公告'} />
        </View>
        <Text className="notice-detail__title" data-testid="notice-detail-title">
          {notice.title}
        </Text>
        <Text className="muted">发布于 {formatDateTime(notice.createdAt)}</Text>
        <Text className="notice-detail__body" data-testid="notice-detail-body">
          {notice.body}
        </Text>
        <PhotoGrid photos={notice.photos} onError={onPhotoError} testId="notice-photo" />
        {process.env.TARO_ENV === 'weapp' && <Text className="muted notice-detail__share">点击右上角“···”可转发给邻居</Text>}
      </View>
    </Screen>
  );
}
