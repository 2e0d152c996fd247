import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { appointedTo, ROLE_LABELS, type AdminUserView, type Role } from '@citycare/shared';
import { account, admin, queryKeys, useQuery } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import AdminFrame, { Cell, Chips, Panel, Row, Table } from '../AdminFrame';

type Appointable = Exclude<Role, 'admin'>;
const ROLES: ReadonlyArray<{ key: Appointable; label: string }> = [
  { key: 'officer', label: ROLE_LABELS.officer },
  { key: 'lead', label: ROLE_LABELS.lead },
  { key: 'secretary', label: ROLE_LABELS.secretary },
  { key: 'resident', label: '撤销任命（恢复为居民）' },
];

/** People: find a user by phone digits or name, appoint or remove officers, leads and secretaries. */
export default function AdminPeoplePage() {
  const stations = useQuery(queryKeys.admin.stations(), () => admin.stations());
  const communities = useQuery(queryKeys.communities(), () => account.communities());
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AdminUserView[] | null>(null);
  const [chosen, setChosen] = useState<AdminUserView | null>(null);
  const [role, setRole] = useState<Appointable>('officer');
  const [stationId, setStationId] = useState<string | null>(null);
  const [community, setCommunity] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const stationName = (id: string | null) => (id && stations.state.status === 'success' ? (stations.state.data.items.find((s) => s.id === id)?.name ?? '—') : '—');
  const [staffOf, setStaffOf] = useState<string | null>(null);
  const search = useAction(async (by: { q: string } | { stationId: string }) => {
    setDone(null);
    const res = await admin.searchUsers(by);
    setFound(res.items);
    setChosen(res.items.length === 1 ? res.items[0] : null);
  });
  const appoint = useAction(async () => {
    if (!chosen) throw new Error('请先选择一位用户');
    const to = appointedTo(role);
    if (to === 'station' && !stationId) throw new Error('请选择工作站');
    if (to === 'community' && !community) throw new Error('请选择社区');
    const body = to === 'station' ? { role, stationId: stationId! } : to === 'community' ? { role, community: community! } : { role };
    const updated = await admin.setRole(chosen.id, body);
    setChosen(updated);
    setFound((all) => all?.map((u) => (u.id === updated.id ? updated : u)) ?? null);
    setDone(role === 'resident' ? `已撤销 ${updated.name || '该用户'} 的任命` : `已任命 ${updated.name || '该用户'} 为${ROLE_LABELS[role]}`);
  });

  const activeStations = stations.state.status === 'success' ? stations.state.data.items.filter((s) => s.active) : [];
  const stationChips = activeStations.map((s) => ({ key: s.id, label: s.name.replace(/^海安市城管局/, '') }));
  return (
    <AdminFrame section="adminPeople" title="人员任命">
      <View className="admin-columns">
        <Panel title="查找用户" note="手机号后四位、完整手机号或昵称（完全一致）">
          <Field label="查找" value={q} onChange={setQ} placeholder="如 1234 或 张阿姨" testId="people-q" />
          <Button size="sm" loading={search.busy} testId="people-search" onClick={() => { setStaffOf(null); void search.run({ q: q.trim() }); }}>
            查找
          </Button>
          <Text className="muted block gap-top">或查看某个工作站的人员</Text>
          <Chips
            options={stationChips}
            value={staffOf}
            onChange={(id) => { setStaffOf(id); void search.run({ stationId: id }); }}
            testId="people-station"
          />
          {search.failure && <Text className="admin-message admin-message--error">{search.failure}</Text>}
          {found && found.length === 0 && <Text className="admin-message" data-testid="people-none">没有找到，请核对手机号后四位或昵称</Text>}
          {found && found.length > 0 && (
            <Table columns="minmax(0,2fr) minmax(0,2fr) minmax(0,2fr) minmax(0,3fr) minmax(0,1fr)" head={['昵称', '手机号', '身份', '工作站 / 社区', '']} testId="people-table">
              {found.map((u) => (
                <Row key={u.id} testId="people-row">
                  <Cell>{u.name || '（未设置）'}</Cell>
                  <Cell>{u.phone ?? '未绑定'}</Cell>
                  <Cell>
                    <Text data-testid="people-role">{ROLE_LABELS[u.role]}</Text>
                  </Cell>
                  <Cell>{u.stationId ? stationName(u.stationId) : (u.community ?? '—')}</Cell>
                  <Cell>
                    <Text className="admin-link" data-testid="people-choose" onClick={() => setChosen(u)}>
                      {chosen?.id === u.id ? '已选' : '选择'}
                    </Text>
                  </Cell>
                </Row>
              ))}
            </Table>
          )}
        </Panel>
        <Panel title="任命" note={chosen ? `${chosen.name || '（未设置昵称）'} · ${chosen.phone ?? '未绑定手机'} · 现为${ROLE_LABELS[chosen.role]}` : '先查找并选择一位用户'} testId="appoint-panel">
          <Chips options={ROLES} value={role} onChange={setRole} testId="appoint-role" />
          {appointedTo(role) === 'station' && (
            <View>
              <Text className="muted">工作站</Text>
              <Chips options={stationChips} value={stationId} onChange={setStationId} testId="appoint-station" />
            </View>
          )}
          {appointedTo(role) === 'community' && communities.state.status === 'success' && (
            <View>
              <Text className="muted">社区</Text>
              <Chips options={communities.state.data.items.map((c) => ({ key: c.name, label: c.name }))} value={community} onChange={setCommunity} testId="appoint-community" />
            </View>
          )}
          <Button block loading={appoint.busy} disabled={!chosen} testId="appoint-save" onClick={() => void appoint.run()}>
            {role === 'resident' ? '撤销任命' : '确认任命'}
          </Button>
          {appoint.failure && <Text className="admin-message admin-message--error" data-testid="appoint-error">{appoint.failure}</Text>}
          {done && <Text className="admin-message" data-testid="appoint-done">{done}</Text>}
        </Panel>
      </View>
    </AdminFrame>
  );
}
