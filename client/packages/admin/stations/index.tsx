import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { STATION_KIND_LABELS, type AdminStation } from '@citycare/shared';
import { admin, invalidate, queryKeys, useQuery } from '../../../api';
import QueryStatus from '../../../components/QueryStatus';
import { useAction } from '../../../hooks/useAction';
import AdminFrame, { ActionLink, Cell, Panel, Row, Table } from '../AdminFrame';
import OfficersEditor from './OfficersEditor';
import StationForm from './StationForm';

/** Stations: the list, add and edit (position by coordinates), deactivate, and who is on duty at each. */
export default function AdminStationsPage() {
  const list = useQuery(queryKeys.admin.stations(), () => admin.stations());
  const [editing, setEditing] = useState<AdminStation | 'new' | null>('new');
  const [roster, setRoster] = useState<AdminStation | null>(null);
  /** Said under the form after a save (the form is then shown again for the saved station). */
  const [done, setDone] = useState<string | null>(null);
  const toggle = useAction(async (s: AdminStation) => {
    await admin.setStationActive(s.id, !s.active);
    invalidate(queryKeys.admin.stations());
    invalidate(queryKeys.stations.all());
  });
  const saved = (s: AdminStation, message: string) => {
    setDone(message);
    invalidate(queryKeys.admin.stations());
    invalidate(queryKeys.stations.all());
    setEditing(s);
  };

  return (
    <AdminFrame section="adminStations" title="工作站">
      <View className="admin-columns">
        <Panel title="全部工作站" note="停用后居民端不再显示，已有案件仍可查看，未办结案件留在原工作站继续办理">
          {list.state.status !== 'success' ? (
            <QueryStatus state={list.state} onRetry={() => void list.refresh()} skeleton={3} />
          ) : (
            <Table columns="minmax(0,3fr) minmax(0,2fr) minmax(0,1.3fr) minmax(0,1fr) minmax(0,2.4fr)" head={['名称', '社区 · 类型', '电话', '状态', '操作']} testId="station-table">
              {list.state.data.items.map((s) => (
                <Row key={s.id} muted={!s.active} testId="station-row">
                  <Cell>
                    <Text data-testid="station-row-name">{s.name}</Text>
                  </Cell>
                  <Cell>
                    {s.community} · {STATION_KIND_LABELS[s.kind]}
                  </Cell>
                  <Cell>{s.phone}</Cell>
                  <Cell>{s.active ? `在岗 ${s.officers.length} 人` : <Text className="admin-tag">已停用</Text>}</Cell>
                  <Cell>
                    <ActionLink testId="station-edit" onClick={() => { setDone(null); setEditing(s); }}>编辑</ActionLink>
                    <ActionLink testId="station-roster" onClick={() => setRoster(s)}>值班人员</ActionLink>
                    <ActionLink danger={s.active} testId="station-toggle" onClick={() => void toggle.run(s)}>{s.active ? '停用' : '启用'}</ActionLink>
                  </Cell>
                </Row>
              ))}
            </Table>
          )}
          {toggle.failure && <Text className="admin-message admin-message--error">{toggle.failure}</Text>}
        </Panel>
        <View>
          <StationForm key={editing === 'new' || !editing ? 'new' : editing.id} station={editing === 'new' ? null : editing} done={done} onSaved={saved} onNew={() => { setDone(null); setEditing('new'); }} />
          {roster && <OfficersEditor key={roster.id} station={roster} onSaved={(s) => { invalidate(queryKeys.admin.stations()); setRoster(s); }} />}
        </View>
      </View>
    </AdminFrame>
  );
}
