import { Text, View } from '@tarojs/components';
import { CASE_MOVE_LABELS, CASE_STATUS_LABELS, type TimelineEntry } from '@citycare/shared';
import { formatDateTime } from '../../services/format';
import PhotoGrid, { type PhotoErrorHandler } from '../Photo';
import './index.css';

function headline(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'reply':
      return `${entry.actor}回复`;
    case 'photo':
      return `${entry.actor}补充了照片`;
    case 'rating':
      return `报事人评价 ${entry.score ?? ''} 星`;
    case 'supplement':
      return '报事人补充说明';
    case 'note':
      return `${entry.actor}内部备注`;
    case 'erasure':
      return '报事人已注销账号';
    default:
      if (entry.move) return `${CASE_MOVE_LABELS[entry.move]} · ${entry.to ? CASE_STATUS_LABELS[entry.to] : ''}`;
      return entry.to ? CASE_STATUS_LABELS[entry.to] : '已提交';
  }
}

interface Props {
  entries: TimelineEntry[];
  reportedAt: string;
  onPhotoError: PhotoErrorHandler;
}

/**
 * A case's timeline, newest first: status changes, officers' replies (with photos), ratings and
 * 补充说明 (staff also see internal notes), then the report itself. The resident's and the staff's
 * case pages both show it.
 */
export default function Timeline({ entries, reportedAt, onPhotoError }: Props) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <View className="timeline" data-testid="case-timeline">
      {newestFirst.map((entry) => (
        <View key={entry.seq} className={`timeline__entry timeline__entry--${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind} data-move={entry.move}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__headline">{headline(entry)}</Text>
            {entry.text && <Text className="timeline__text">{entry.text}</Text>}
            <PhotoGrid photos={entry.photos} onError={onPhotoError} testId="timeline-photo" />
            <Text className="timeline__meta">{formatDateTime(entry.at)}</Text>
          </View>
        </View>
      ))}
      <View className="timeline__entry" data-testid="timeline-entry" data-kind="report">
        <View className="timeline__dot" />
        <View className="timeline__body">
          <Text className="timeline__headline">提交报事</Text>
          <Text className="timeline__meta">{formatDateTime(reportedAt)}</Text>
        </View>
      </View>
    </View>
  );
}
