import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { CASE_OUTCOME_LABELS, isOpen, type CaseDetail } from '@citycare/shared';
import { cases, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import BeforeAfter from '../../../components/BeforeAfter';
import InfoRow from '../../../components/InfoRow';
import PhotoGrid, { usePhotoRefresh, type PhotoErrorHandler } from '../../../components/Photo';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import Timeline from '../../../components/Timeline';
import { awaitsRating, beforeAfter, statusBadge } from '../../../features/cases/status';
import { formatDateTime } from '../../../services/format';
import { go } from '../../../services/router';
import RatingForm from './RatingForm';
import SupplementForm from './SupplementForm';
import './index.css';

/** A case I reported or follow: status, deadlines, photos, the timeline with officers' replies, 补充说明 and rating. */
export default function CaseDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.cases.detail(id) : null, () => cases.get(id));
  const onPhotoError = usePhotoRefresh(query.refresh);
  usePullRefresh(query.refresh);

  const { state } = query;
  if (!id || state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus
          state={state}
          missing={!id}
          onRetry={() => void query.refresh()}
          signInBack="myCases"
          notFound={{ title: '找不到这条报事', message: '它可能不属于当前账号' }}
          skeleton={2}
        />
      </Screen>
    );
  }
  return <CaseView detail={state.data} onPhotoError={onPhotoError} onRated={query.show} />;
}

interface CaseViewProps {
  detail: CaseDetail;
  onPhotoError: PhotoErrorHandler;
  /** My rating went in: show the case it answered. */
  onRated: (detail: CaseDetail) => void;
}

function CaseView({ detail, onPhotoError, onRated }: CaseViewProps) {
  const c = detail.case;
  const badge = statusBadge(c.status);
  const reporter = c.relation === 'reporter';
  const compare = beforeAfter(c, detail.timeline);
  return (
    <Screen testId="case-detail">
      <View className="section gap-top">
        <View className="row row--between">
          <Text className="section__title">{c.categoryName}</Text>
          <View>
            {c.overdue && <Badge tone="danger" text="已超期" testId="case-detail-overdue" />}
            <Badge tone={badge.tone} text={badge.text} testId="case-detail-status" />
          </View>
        </View>
        {c.status === 'duplicate' && c.mergedInto && (
          <View className="message message--warning" data-testid="case-detail-merged" onClick={() => void go('caseDetail', { id: c.mergedInto as string })}>
            <Text className="block">工作人员发现已有人反映了同一问题，两条报事已合并办理，您会继续收到处理进度。</Text>
            <Text className="link" data-testid="case-detail-merged-link">
              查看合并后的案件 ›
            </Text>
          </View>
        )}
        {c.relation === 'follower' && (
          <Text className="message message--warning" data-testid="case-detail-following">
            您也遇到了这个问题，可在此查看公开的处理进度；报事人的照片和详细地址不公开
          </Text>
        )}
        <Text className="body-text" data-testid="case-detail-description">
          {c.description || '报事人未公开问题描述'}
        </Text>
        <PhotoGrid photos={c.photos} onError={onPhotoError} testId="case-photo" />
        {c.address && <InfoRow label="位置" value={c.address} />}
        <InfoRow label="处理工作站" value={c.stationName} />
        <InfoRow label="提交时间" value={formatDateTime(c.createdAt)} />
        <InfoRow label="受理时限" value={formatDateTime(c.acceptBy)} />
        <InfoRow label="办结时限" value={formatDateTime(c.resolveBy)} />
        {c.outcome && <InfoRow label="处理结果" value={CASE_OUTCOME_LABELS[c.outcome]} />}
        {c.rating !== null && <InfoRow label="我的评价" value={`${c.rating} 星`} testId="case-detail-rating" />}
      </View>
      {compare && (
        <View className="section">
          <Text className="section__title">处理前后对比</Text>
          <BeforeAfter before={compare.before} after={compare.after} onError={onPhotoError} />
        </View>
      )}
      {awaitsRating(c) && <RatingForm caseId={c.id} onRated={onRated} />}
      {reporter && isOpen(c.status) && <SupplementForm caseId={c.id} />}
      <View className="section">
        <Text className="section__title">处理进度</Text>
        <Timeline entries={detail.timeline} reportedAt={c.createdAt} onPhotoError={onPhotoError} />
      </View>
    </Screen>
  );
}
