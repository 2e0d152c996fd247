import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatDistance, type CommunityList } from '@citycare/shared';
import { account, invalidate, queryKeys, updateSessionUser, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import ListRow from '../../../components/ListRow';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import StatusView from '../../../components/StatusView';
import { useAction } from '../../../hooks/useAction';
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
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = useAction(async (name: string) => {
    updateSessionUser(await account.setCommunity(name));
    invalidate(queryKeys.notices.all()); // notices follow the community
    await goBack();
  });

  if (!user) return <Screen><SignInPrompt back="me" /></Screen>;
  if (user.role !== 'resident') {
    return <Screen><StatusView tone="empty" title="工作人员的社区由管理员设置" message="如需调整，请联系城管局管理员" /></Screen>;
  }
  const { state } = communities;
  if (state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus state={state} onRetry={() => void communities.refresh()} skeleton={2} />
      </Screen>
    );
  }

  const pick = (name: string): void => {
    if (choose.busy) return;
    setChosen(name);
    void choose.run(name);
  };
  const suggested = suggestion(state.data.items, nearest);
  const row = (c: Community, testId: string, note: string) => (
    <ListRow key={`${testId}-${c.name}`} title={c.name} note={note} testId={testId} onClick={() => pick(c.name)}>
      {c.name === user.community && <Badge tone="success" text="当前" />}
      {choose.busy && chosen === c.name && <Text className="muted">保存中…</Text>}
    </ListRow>
  );

  return (
    <Screen testId="community-page">
      <View className="section gap-top">
        <Text className="muted">社区公告按您选择的社区推送；全市公告所有人都能看到</Text>
        {choose.failure && <Text className="message message--error">{choose.failure}</Text>}
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
