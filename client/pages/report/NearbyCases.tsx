import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatDistance, type CaseDetail, type LatLng, type NearbyCase } from '@citycare/shared';
import { cases, invalidate, messageOf, NEARBY_CASE_RADIUS_M, queryKeys, useQuery } from '../../api';
import Badge from '../../components/Badge';
import Button from '../../components/Button';
import { statusBadge } from '../../features/cases/status';
import { formatDateTime } from '../../services/format';
import { requestCaseUpdates } from '../../services/media';
import { go } from '../../services/router';

interface Props {
  category: string | null;
  place: LatLng | null;
  /** 我也遇到 went through: the resident follows that case instead of reporting it again. */
  onFollowed: (detail: CaseDetail) => void;
}

/** 附近已有人反映: open cases of the chosen category within 100 m, each with 我也遇到. */
export default function NearbyCases({ category, place, onFollowed }: Props) {
  const key = category && place ? queryKeys.cases.nearby(place, category) : null;
  const nearby = useQuery(key, () => cases.nearby(place as LatLng, category as string));
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (nearby.state.status !== 'success' || nearby.state.data.items.length === 0) return null;
  const items = nearby.state.data.items;

  const follow = async (item: NearbyCase): Promise<void> => {
    requestCaseUpdates(); // must run inside this tap, before any await
    setBusy(item.id);
    setFailure(null);
    try {
      const detail = await cases.follow(item.id);
      invalidate(queryKeys.cases.all());
      onFollowed(detail);
    } catch (error) {
      setFailure(messageOf(error));
      void nearby.refresh(); // it may have been resolved meanwhile
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="section" data-testid="nearby-cases">
      <Text className="section__title">附近已有人反映</Text>
      <Text className="muted report__block">
        {`${NEARBY_CASE_RADIUS_M} 米内有 ${items.length} 个同类问题正在处理。如果是同一个问题，选“我也遇到”即可一起跟进进度，无需重复提交`}
      </Text>
      {items.map((item) => (
        <NearbyCaseRow key={item.id} item={item} busy={busy === item.id} onFollow={() => void follow(item)} />
      ))}
      {failure && <Text className="report__error">{failure}</Text>}
    </View>
  );
}

function NearbyCaseRow({ item, busy, onFollow }: { item: NearbyCase; busy: boolean; onFollow: () => void }) {
  const badge = statusBadge(item.status);
  return (
    <View className="report__nearby" data-testid="nearby-case">
      <View className="row row--between">
        <Text className="report__nearby-title">{item.categoryName}</Text>
        <Badge tone={badge.tone} text={badge.text} />
      </View>
      <Text className="report__nearby-text">{item.description ?? '报事人未公开问题描述'}</Text>
      <Text className="muted report__block">
        {`约 ${formatDistance(item.distanceM)} · ${formatDateTime(item.createdAt)} · ${item.followers} 人反映`}
      </Text>
      <View className="gap-top">
        {item.following ? (
          <Button kind="secondary" size="sm" testId="nearby-open" onClick={() => void go('caseDetail', { id: item.id })}>
            已在跟进，查看进度
          </Button>
        ) : (
          <Button size="sm" loading={busy} testId="nearby-follow" onClick={onFollow}>
            我也遇到
          </Button>
        )}
      </View>
    </View>
  );
}
