import { Text, View } from '@tarojs/components';
import { CASE_MOVE_LABELS, CASE_STATUS_LABELS, type TimelineEntry } from '@citycare/shared';
import { formatDateTime } from '../../../services/format';

function headline(entry: TimelineEntry): string {
  if (entry.kind === 'reply') return `${entry.actor}回复`;
  if (entry.kind === 'photo') return `${entry.actor}补充了照片`;
  if (entry.move) return `${CASE_MOVE_LABELS[entry.move]} · ${entry.to ? CASE_STATUS_LABELS[entry.to] : ''}`;
  return entry.to ? CASE_STATUS_LABELS[entry.to] : '已提交';
}

/** The public timeline, newest first: status changes and the officers' replies, then the report itself. */
export default function Timeline({ entries, reportedAt }: { entries: TimelineEntry[]; reportedAt: string }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <View className="timeline" data-testid="case-timeline">
      {newestFirst.map((entry) => (
        <View key={entry.seq} className={`timeline__entry timeline__entry--${entry.kind}`} data-testid="timeline-entry">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__headline">{headline(entry)}</Text>
            {entry.text && <Text className="timeline__text">{entry.text}</Text>}
            {entry.photos.length > 0 && <Text className="timeline__meta">{entry.photos.length} 张照片（查看功能即将开放）</Text>}
            <Text className="timeline__meta">{formatDateTime(entry.at)}</Text>
          </View>
        </View>
      ))}
      <View className="timeline__entry" data-testid="timeline-entry">
        <View className="timeline__dot" />
        <View className="timeline__body">
          <Text className="timeline__headline">提交报事</Text>
          <Text className="timeline__meta">{formatDateTime(reportedAt)}</Text>
        </View>
      </View>
    </View>
  );
}
