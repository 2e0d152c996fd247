import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';
import { notices, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import PhotoGrid, { usePhotoRefresh } from '../../../components/Photo';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
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

  if (state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus
          state={state}
          onRetry={() => void query.refresh()}
          signInBack="notices"
          notFound={{ title: '公告不存在', message: '它可能已撤回或过期' }}
          skeleton={1}
        />
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
        <Text className="body-text" data-testid="notice-detail-body">
          {notice.body}
        </Text>
        <PhotoGrid photos={notice.photos} onError={onPhotoError} testId="notice-photo" />
        {process.env.TARO_ENV === 'weapp' && <Text className="muted notice-detail__share">点击右上角“···”可转发给邻居</Text>}
      </View>
    </Screen>
  );
}
