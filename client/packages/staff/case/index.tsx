import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { CASE_OUTCOME_LABELS, CASE_SOURCE_LABELS } from '@citycare/shared';
import { queryKeys, useQuery } from '../../../api';
import { staffCases, type StaffCaseDetail } from '../../../api/staff';
import Badge from '../../../components/Badge';
import BeforeAfter from '../../../components/BeforeAfter';
import Button from '../../../components/Button';
import InfoRow from '../../../components/InfoRow';
import PhotoGrid, { usePhotoRefresh, type PhotoErrorHandler } from '../../../components/Photo';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import Timeline from '../../../components/Timeline';
import { beforeAfter, statusBadge } from '../../../features/cases/status';
import { moveActions, type MoveAction } from '../../../features/staff/case-actions';
import { currentDeadline } from '../../../features/staff/deadline';
import { useNow } from '../../../hooks/useNow';
import { formatDateTime } from '../../../services/format';
import { navigateToStation } from '../../../services/navigation';
import MoveSheet from './MoveSheet';
import ReplyForm from './ReplyForm';
import ReporterRow from './ReporterRow';
import '../staff.css';

export default function StaffCasePage() {
  return (
    <RoleGate roles={['officer', 'lead']}>
      <StaffCase />
    </RoleGate>
  );
}

/** 案件办理: the whole case with internal notes, the moves allowed now, replies and notes. */
function StaffCase() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.staff.case(id) : null, () => staffCases.get(id));
  const onPhotoError = usePhotoRefresh(query.refresh);
  usePullRefresh(query.refresh);
  const { state } = query;
  if (!id || state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus state={state} missing={!id} onRetry={() => void query.refresh()} notFound={{ title: '找不到这个案件', message: '它可能不属于本工作站' }} skeleton={2} />
      </Screen>
    );
  }
  return <CaseView detail={state.data} onPhotoError={onPhotoError} />;
}

function CaseView({ detail, onPhotoError }: { detail: StaffCaseDetail; onPhotoError: PhotoErrorHandler }) {
  const c = detail.case;
  const now = useNow();
  const [acting, setActing] = useState<MoveAction | null>(null);
  const badge = statusBadge(c.status);
  const deadline = currentDeadline(c, now);
  const actions = moveActions(c.allowedMoves);
  const compare = beforeAfter(c, detail.timeline);
  return (
    <Screen className="staff" testId="staff-case">
      <View className="section gap-top">
        <View className="row row--between">
          <Text className="section__title">{c.categoryName}</Text>
          <View>
            {c.overdue && <Badge tone="danger" text="已超期" />}
            <Badge tone={badge.tone} text={badge.text} testId="staff-case-status" />
          </View>
        </View>
        {deadline && (
          <Text className={`staff-countdown staff-countdown--${deadline.tone}`} data-testid="staff-case-countdown">
            {deadline.text}
          </Text>
        )}
        <Text className="body-text" data-testid="staff-case-description">
          {c.description}
        </Text>
        <PhotoGrid photos={c.photos} onError={onPhotoError} testId="staff-case-photo" />
        <InfoRow label="来源" value={CASE_SOURCE_LABELS[c.source]} />
        <InfoRow label="位置" value={c.address} />
        <InfoRow label="提交时间" value={formatDateTime(c.createdAt)} />
        <InfoRow label="受理时限" value={formatDateTime(c.acceptBy)} />
        <InfoRow label="办结时限" value={formatDateTime(c.resolveBy)} />
        {c.outcome && <InfoRow label="处理结果" value={CASE_OUTCOME_LABELS[c.outcome]} />}
        {c.rating !== null && <InfoRow label="评价" value={`${c.rating} 星`} />}
        <ReporterRow subject={c} />
        <Button kind="secondary" size="sm" testId="staff-case-navigate" onClick={() => void navigateToStation({ lat: c.lat, lng: c.lng, name: c.categoryName, address: c.address })}>
          导航到现场
        </Button>
      </View>

      <View className="section" data-testid="staff-case-actions">
        <Text className="section__title">办理</Text>
        {actions.length ? (
          <View className="staff-actions gap-top">
            {actions.map((action) => (
              <Button key={action.move} kind={action.tone} size="sm" testId={`move-${action.move}`} onClick={() => setActing(action)}>
                {action.label}
              </Button>
            ))}
          </View>
        ) : (
          <Text className="muted block" data-testid="staff-case-no-moves">
            当前状态下没有可办理的操作
          </Text>
        )}
      </View>

      {compare && (
        <View className="section">
          <Text className="section__title">处理前后对比</Text>
          <BeforeAfter before={compare.before} after={compare.after} onError={onPhotoError} />
        </View>
      )}
      <ReplyForm caseId={c.id} />
      <View className="section">
        <Text className="section__title">处理进度（含内部备注）</Text>
        <Timeline entries={detail.timeline} reportedAt={c.createdAt} onPhotoError={onPhotoError} />
      </View>
      {acting && <MoveSheet action={acting} subject={c} onClose={() => setActing(null)} />}
    </Screen>
  );
}
