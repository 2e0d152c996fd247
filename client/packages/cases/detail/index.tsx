import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { CASE_OUTCOME_LABELS, isOpen, type CaseDetail } from '@citycare/shared';
import { cases, messageOf, needsSignIn, PHASE2_READY, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import ComingSoon from '../../../components/ComingSoon';
import PhotoPlaceholder from '../../../components/PhotoPlaceholder';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import Skeleton from '../../../components/Skeleton';
import StatusView from '../../../components/StatusView';
import { awaitsRating, statusBadge } from '../../../features/cases/status';
import { formatDateTime } from '../../../services/format';
import RatingForm from './RatingForm';
import Timeline from './Timeline';
import './index.css';

/** One of my cases: status, deadlines, the public timeline with officers' replies, and rating. */
export default function CaseDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.cases.detail(id) : null, () => cases.get(id));
  usePullDownRefresh(() => void query.refresh().finally(() => Taro.stopPullDownRefresh()));

  const { state } = query;
  if (!id || (state.status === 'error' && (state.error as { isNotFound?: boolean }).isNotFound)) {
    return (
      <Screen>
        <StatusView tone="empty" title="找不到这条报事" message="它可能不属于当前账号" />
      </Screen>
    );
  }
  if (state.status === 'loading') return <Screen><Skeleton count={2} /></Screen>;
  if (state.status === 'error') {
    return (
      <Screen>
        {needsSignIn(state.error) ? (
          <SignInPrompt back="myCases" />
        ) : (
          <StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={() => void query.refresh()} />
        )}
      </Screen>
    );
  }
  return <CaseView detail={state.data} />;
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const c = detail.case;
  const badge = statusBadge(c.status);
  return (
    <Screen testId="case-detail">
      <View className="section gap-top">
        <View className="row row--between">
          <Text className="section__title">{c.categoryName}</Text>
          <View>
            {c.overdue && <Badge tone="danger" text="已超期" />}
            <Badge tone={badge.tone} text={badge.text} testId="case-detail-status" />
          </View>
        </View>
        <Text className="case-detail__description" data-testid="case-detail-description">
          {c.description}
        </Text>
        <PhotoPlaceholder count={c.photos.length} />
        <InfoRow label="位置" value={c.address} />
        <InfoRow label="处理工作站" value={c.stationName} />
        <InfoRow label="提交时间" value={formatDateTime(c.createdAt)} />
        <InfoRow label="受理时限" value={formatDateTime(c.acceptBy)} />
        <InfoRow label="办结时限" value={formatDateTime(c.resolveBy)} />
        {c.outcome && <InfoRow label="处理结果" value={CASE_OUTCOME_LABELS[c.outcome]} />}
        {c.rating !== null && <InfoRow label="我的评价" value={`${c.rating} 星`} />}
      </View>
      {awaitsRating(c) && <RatingForm caseId={c.id} />}
      {isOpen(c.status) && !PHASE2_READY.supplements && (
        <View className="section">
          <ComingSoon title="补充说明" message="可为未办结的问题补充文字和照片，工作站人员会看到" />
        </View>
      )}
      <View className="section">
        <Text className="section__title">处理进度</Text>
        <Timeline entries={detail.timeline} reportedAt={c.createdAt} />
      </View>
    </Screen>
  );
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="case-detail__row">
      <Text className="case-detail__label">{label}</Text>
      <Text className="case-detail__value">{value}</Text>
    </View>
  );
}
