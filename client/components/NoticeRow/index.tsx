import { Text, View } from '@tarojs/components';
import type { NoticeView } from '@citycare/shared';
import { useReadMarks } from '../../features/notices/read-marks';
import { formatDateTime } from '../../services/format';
import { go } from '../../services/router';
import Badge from '../Badge';
import './index.css';

/** A notice in a list: unread dot, pinned and city-wide marks, title and date. */
export default function NoticeRow({ notice }: { notice: NoticeView }) {
  const isRead = useReadMarks();
  const unread = !isRead(notice.id);
  return (
    <View className="notice-row" hoverClass="notice-row--pressed" data-testid="notice-row" data-unread={unread ? '1' : '0'} onClick={() => void go('noticeDetail', { id: notice.id })}>
      {unread && <View className="notice-row__dot" data-testid="notice-unread" />}
      <View className="notice-row__body">
        <View className="row">
          {notice.pinned && <Badge tone="danger" text="置顶" />}
          {notice.community === null && <Badge tone="neutral" text="全市" />}
        </View>
        <Text className={`notice-row__title${unread ? ' notice-row__title--unread' : ''}`} data-testid="notice-title">
          {notice.title}
        </Text>
        <Text className="notice-row__meta">
          {notice.community ?? '城管局'} · {formatDateTime(notice.createdAt)}
        </Text>
      </View>
    </View>
  );
}
