import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatDistance, type CaseDetail, type LatLng, type NearbyCase } from '@citycare/shared';
import { cases, invalidate, NEARBY_CASE_RADIUS_M, queryKeys, useQuery } from '../../api';
import Badge from '../../components/Badge';
import Button from '../../components/Button';
import { statusBadge } from '../../features/cases/status';
import { useAction } from '../../hooks/useAction';
import { formatDateTime } from '../../services/format';
import { requestCaseUpdates } from '../../services/media';
import { go } from '../../services/router';

interface Props {
  category: string | null;
  place: LatLng | null;
  /** The form holds a description or photos that 我也遇到 would clear: ask first. */
  draftToLose: boolean;
  /** 我也遇到 went through: the resident follows that case instead of reporting it again. */
  onFollowed: (detail: CaseDetail) => void;
}

/** 附近已有人反映: open cases of the chosen category within 100 m, each with 我也遇到. */
export default function NearbyCases({ category, place, draftToLose, onFollowed }: Props) {
  const key = category && place ? queryKeys.cases.nearby(place, category) : null;
  const nearby = useQuery(key, () => cases.nearby(place as LatLng, category as string));
  const [chosen, setChosen] = useState<string | null>(null);
  const follow = useAction(async (id: string) => {
    try {
      const detail = await cases.follow(id);
      invalidate(queryKeys.cases.all());
      onFollowed(detail);
    } catch (error) {
      void nearby.refresh(); // it may have been resolved meanwhile
      throw error;
    }
  });

  if (nearby.state.status !== 'success' || nearby.state.data.items.length === 0) return null;
  const items = nearby.state.data.items;
  const start = (id: string): void => {
    requestCaseUpdates(); // must run inside the resident's tap, before any await
    setChosen(id);
    void follow.run(id);
  };
  const tap = (id: string): void => {
    if (!draftToLose) return start(id);
    // In the modal's own callback, so its 关注 button is the tap the subscribe request needs.
    void Taro.showModal({
      title: '改为关注这个问题？',
      content: '关注后，您正在填写的问题描述和照片将被清除。',
      confirmText: '关注',
      cancelText: '继续填写',
      success: ({ confirm }) => {
        if (confirm) start(id);
      },
    });
  };

  return (
    <View className="section" data-testid="nearby-cases">
      <Text className="section__title">附近已有人反映</Text>
      <Text className="muted block">
        {`${NEARBY_CASE_RADIUS_M} 米内有 ${items.length} 个同类问题正在处理。如果是同一个问题，选“我也遇到”即可一起跟进进度，无需重复提交`}
      </Text>
      {items.map((item) => (
        <NearbyCaseRow key={item.id} item={item} busy={follow.busy && chosen === item.id} onFollow={() => tap(item.id)} />
      ))}
      {follow.failure && <Text className="message message--error">{follow.failure}</Text>}
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
      <Text className="muted block">
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
