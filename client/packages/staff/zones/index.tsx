import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import type { ZoneView } from '@citycare/shared';
import { invalidate, queryKeys, useQuery, zones } from '../../../api';
import { staffZones } from '../../../api/staff';
import Button from '../../../components/Button';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import StatusView from '../../../components/StatusView';
import { useAction } from '../../../hooks/useAction';
import { useAppState } from '../../../store/app-store';
import ZoneForm from './ZoneForm';
import '../staff.css';

export default function StaffZonesPage() {
  return (
    <RoleGate roles={['lead']}>
      <Zones />
    </RoleGate>
  );
}

/** 临时摊位区 of my station: add, edit, remove. Residents see them on 首页 and when reporting. */
function Zones() {
  const stationId = useAppState((s) => s.user?.stationId ?? '');
  const list = useQuery(stationId ? queryKeys.zones.ofStation(stationId) : null, () => zones.ofStation(stationId));
  const [editing, setEditing] = useState<{ zone?: ZoneView } | null>(null);
  usePullRefresh(list.refresh);
  const { state } = list;
  return (
    <Screen className="staff" testId="staff-zones">
      <View className="section gap-top">
        <Button block testId="zone-new" onClick={() => setEditing({})}>
          新增摊位区
        </Button>
      </View>
      {state.status !== 'success' ? (
        <QueryStatus state={state} missing={!stationId} onRetry={() => void list.refresh()} notFound={{ title: '账号未绑定工作站', message: '请联系城管局设置所属工作站' }} />
      ) : state.data.items.length === 0 ? (
        <StatusView tone="empty" title="本站还没有摊位区" />
      ) : (
        <View className="section">
          {state.data.items.map((zone) => (
            <ZoneRow key={zone.id} zone={zone} onEdit={() => setEditing({ zone })} />
          ))}
        </View>
      )}
      {editing && <ZoneForm editing={editing.zone} onClose={() => setEditing(null)} />}
    </Screen>
  );
}

function ZoneRow({ zone, onEdit }: { zone: ZoneView; onEdit: () => void }) {
  const remove = useAction(async () => {
    const { confirm } = await Taro.showModal({ title: '删除摊位区', content: `删除“${zone.name}”后居民将看不到它，已有报事不受影响。确定删除吗？` });
    if (!confirm) return;
    await staffZones.remove(zone.id);
    invalidate(['zones']);
  });
  return (
    <View className="staff-item" data-testid="zone-row">
      <Text className="block">{zone.name}</Text>
      <Text className="muted block">
        {zone.address} · {zone.hours} · {zone.stallCount} 个摊位
      </Text>
      <View className="staff-actions gap-top">
        <Button kind="plain" size="sm" testId="zone-edit" onClick={onEdit}>
          编辑
        </Button>
        <Button kind="danger" size="sm" loading={remove.busy} testId="zone-remove" onClick={() => void remove.run()}>
          删除
        </Button>
      </View>
      {remove.failure && <Text className="message message--error">{remove.failure}</Text>}
    </View>
  );
}
