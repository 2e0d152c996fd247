import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatDistance, type CommunityList } from '@citycare/shared';
import { account, invalidate, messageOf, queryKeys, updateSessionUser, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import ListRow from '../../../components/ListRow';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import Skeleton from '../../../components/Skeleton';
import StatusView from '../../../components/StatusView';
import { useResidentLocation } from '../../../hooks/useResidentLocation';
import { useStationDirectory, type DirectoryStation } from '../../../hooks/useStationDirectory';
import { goBack } from '../../../services/router';
import { useAppState } from '../../../store/app-store';

type Community = CommunityList['items'][number];

/** The community the nearest station serves, if it is one residents may choose. */
function suggestion(communities: Community[], nearest: DirectoryStation | undefined): Community | undefined {
  return nearest ? communities.find((c) => c.stationId === nearest.id || c.name === nearest.community) : undefined;
}

/** 我的社区: choose the community whose notices I read, suggested from the nearest station. */
export default function CommunityPage() {
  const user = useAppState((s) => s.user);
  const communities = useQuery(queryKeys.communities(), () => account.communities());
  const { location } = useResidentLocation();
  const directory = useStationDirectory(location);
  const nearest = directory.state.status === 'success' && directory.state.data.at ? directory.state.data.items[0] : undefined;
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (!user) return <Screen><SignInPrompt back="me" /></Screen>;
  if (user.role !== 'resident') {
    return <Screen><StatusView tone="empty" title="工作人员的社区由管理员设置" message="如需调整，请联系城管局管理员" /></Screen>;
  }
  const { state } = communities;
  if (state.status === 'loading') return <Screen><Skeleton count={2} /></Screen>;
  if (state.status === 'error') {
    return <Screen><StatusView tone="error" title="加载失败" message={messageOf(state.error)} actionText="重试" onAction={() => void communities.refresh()} /></Screen>;
  }

  const choose = async (name: string): Promise<void> => {
    setSaving(name);
    setFailure(null);
    try {
      updateSessionUser(await account.setCommunity(name));
      invalidate(queryKeys.notices.all()); // notices follow the community
      await goBack();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSaving(null);
    }
  };

  const suggested = suggestion(state.data.items, nearest);
  const row = (c: Community, testId: string, note: string) => (
    <ListRow key={`${testId}-${c.name}`} title={c.name} note={note} testId={testId} onClick={() => saving === null && void choose(c.name)}>
      {c.name === user.community && <Badge tone="success" text="当前" />}
      {saving === c.name && <Text className="muted">保存中…</Text>}
    </ListRow>
  );

  return (
    <Screen testId="community-page">
      <View className="section gap-top">
        <Text className="muted">社区公告按您选择的社区推送；全市公告所有人都能看到</Text>
        {failure && <Text className="message message--error">{failure}</Text>}
      </View>
      {suggested && (
        <View className="section" data-testid="community-suggested">
          <Text className="section__title">推荐</Text>
          {row(suggested, 'community-suggestion', `离您最近的工作站：${suggested.stationName}${nearest?.distanceM !== undefined ? `（${formatDistance(nearest.distanceM)}）` : ''}`)}
        </View>
      )}
      <View className="section" data-testid="community-list">
        <Text className="section__title">全部社区</Text>
        {state.data.items.map((c) => row(c, 'community-option', c.stationName))}
      </View>
    </Screen>
  );
}
