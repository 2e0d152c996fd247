import { Text, View } from '@tarojs/components';
import { CASE_SOURCE_LABELS, type StaffCaseView } from '@citycare/shared';
import Badge from '../../../components/Badge';
import { Photo, type PhotoErrorHandler } from '../../../components/Photo';
import { statusBadge } from '../../../features/cases/status';
import { currentDeadline } from '../../../features/staff/deadline';
import { formatDateTime } from '../../../services/format';
import { go } from '../../../services/router';
import '../../../components/CaseCard/index.css';

/** A case in the station queue: category, source, status and the countdown to its current deadline. */
export default function StaffCaseCard({ item, now, onPhotoError }: { item: StaffCaseView; now: number; onPhotoError: PhotoErrorHandler }) {
  const badge = statusBadge(item.status);
  const deadline = currentDeadline(item, now);
  return (
    <View className="case-card" hoverClass="case-card--pressed" data-testid="queue-card" data-id={item.id} onClick={() => void go('staffCase', { id: item.id })}>
      <View className="case-card__head">
        <Text className="case-card__category">{item.categoryName}</Text>
        <View>
          <Badge tone="neutral" text={CASE_SOURCE_LABELS[item.source]} />
          <Badge tone={badge.tone} text={badge.text} testId="queue-card-status" />
        </View>
      </View>
      <View className="case-card__body">
        <View className="case-card__text">
          <Text className="case-card__description">{item.description}</Text>
          <Text className="case-card__meta">
            {formatDateTime(item.createdAt)} · {item.address}
          </Text>
          {deadline && (
            <Text className={`staff-countdown staff-countdown--${deadline.tone}`} data-testid="queue-card-countdown">
              {deadline.text}
            </Text>
          )}
        </View>
        {item.photos.length > 0 && <Photo photos={item.photos} index={0} size="mini" onError={onPhotoError} />}
      </View>
    </View>
  );
}
