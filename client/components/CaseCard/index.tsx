import { Text, View } from '@tarojs/components';
import type { CaseView } from '@citycare/shared';
import { awaitsRating, statusBadge } from '../../features/cases/status';
import { formatDateTime } from '../../services/format';
import { go } from '../../services/router';
import Badge from '../Badge';
import './index.css';

/** One of my cases in a list: category, status, overdue and rating marks, when and where. */
export default function CaseCard({ item }: { item: CaseView }) {
  const badge = statusBadge(item.status);
  return (
    <View className="case-card" hoverClass="case-card--pressed" data-testid="case-card" onClick={() => void go('caseDetail', { id: item.id })}>
      <View className="case-card__head">
        <Text className="case-card__category">{item.categoryName}</Text>
        <View>
          {item.overdue && <Badge tone="danger" text="已超期" testId="case-overdue" />}
          {awaitsRating(item) && <Badge tone="warning" text="待评价" testId="case-awaits-rating" />}
          <Badge tone={badge.tone} text={badge.text} testId="case-status" />
        </View>
      </View>
      <Text className="case-card__description">{item.description}</Text>
      <Text className="case-card__meta">
        {formatDateTime(item.createdAt)} · {item.stationName}
      </Text>
    </View>
  );
}
