import { Text, View } from '@tarojs/components';
import type { CaseView } from '@citycare/shared';
import { awaitsRating, statusBadge } from '../../features/cases/status';
import { formatDateTime } from '../../services/format';
import { go } from '../../services/router';
import Badge from '../Badge';
import { Photo, type PhotoErrorHandler } from '../Photo';
import './index.css';

/** A case I reported or follow, in a list: category, status, overdue and rating marks, when and where. */
export default function CaseCard({ item, onPhotoError }: { item: CaseView; onPhotoError?: PhotoErrorHandler }) {
  const badge = statusBadge(item.status);
  return (
    <View className="case-card" hoverClass="case-card--pressed" data-testid="case-card" onClick={() => void go('caseDetail', { id: item.id })}>
      <View className="case-card__head">
        <Text className="case-card__category">{item.categoryName}</Text>
        <View>
          {item.relation === 'follower' && <Badge tone="neutral" text="我也遇到" testId="case-following" />}
          {item.overdue && <Badge tone="danger" text="已超期" testId="case-overdue" />}
          {awaitsRating(item) && <Badge tone="warning" text="待评价" testId="case-awaits-rating" />}
          <Badge tone={badge.tone} text={badge.text} testId="case-status" />
        </View>
      </View>
      <View className="case-card__body">
        <View className="case-card__text">
          <Text className="case-card__description">{item.description || '报事人未公开问题描述'}</Text>
          <Text className="case-card__meta">
            {formatDateTime(item.createdAt)} · {item.stationName}
          </Text>
        </View>
        {item.photos.length > 0 && <Photo photos={item.photos} index={0} size="mini" onError={onPhotoError} testId="case-card-photo" />}
      </View>
    </View>
  );
}
