import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { STATION_KIND_LABELS, STATION_KINDS, type CategoryView, type StationKind } from '@citycare/shared';
import { admin, invalidate, queryKeys, useQuery } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import QueryStatus from '../../../components/QueryStatus';
import { useAction } from '../../../hooks/useAction';
import AdminFrame, { ActionLink, Cell, Panel, Row, Table } from '../AdminFrame';

interface Draft {
  code: string;
  name: string;
  acceptHours: string;
  resolveHours: string;
  stationKinds: StationKind[];
}

const draftOf = (c: CategoryView | null): Draft => ({
  code: c?.code ?? '',
  name: c?.name ?? '',
  acceptHours: c ? String(c.acceptHours) : '4',
  resolveHours: c ? String(c.resolveHours) : '48',
  stationKinds: c?.stationKinds ?? [],
});

const kindsText = (kinds: StationKind[]) => (kinds.length ? kinds.map((k) => STATION_KIND_LABELS[k]).join('、') : '全部');

/** Categories: add, rename, deadlines (受理 / 办结 hours), which station kinds handle them, retire. */
export default function AdminCategoriesPage() {
  const list = useQuery(queryKeys.admin.categories(), () => admin.categories());
  const [editing, setEditing] = useState<CategoryView | null>(null);
  const toggle = useAction(async (c: CategoryView) => {
    await admin.setCategoryActive(c.id, !c.active);
    invalidate(queryKeys.admin.categories());
  });
  return (
    <AdminFrame section="adminCategories" title="问题类型与办理时限">
      <View className="admin-columns">
        <Panel title="全部类型" note="停用后居民不能再选，已有案件照常显示类型名称">
          {list.state.status !== 'success' ? (
            <QueryStatus state={list.state} onRetry={() => void list.refresh()} skeleton={3} />
          ) : (
            <Table columns="minmax(0,2fr) minmax(0,1.6fr) minmax(0,1fr) minmax(0,1fr) minmax(0,1.6fr) minmax(0,1.6fr)" head={['名称', '编码', '受理时限', '办结时限', '承办工作站', '操作']} testId="category-table">
              {list.state.data.items.map((c) => (
                <Row key={c.id} muted={!c.active} testId="category-row">
                  <Cell>
                    <Text data-testid="category-name">{c.name}</Text> {!c.active && <Text className="admin-tag">已停用</Text>}
                  </Cell>
                  <Cell>{c.code}</Cell>
                  <Cell>{c.acceptHours} 小时</Cell>
                  <Cell>{c.resolveHours} 小时</Cell>
                  <Cell>{kindsText(c.stationKinds)}</Cell>
                  <Cell>
                    <ActionLink testId="category-edit" onClick={() => setEditing(c)}>编辑</ActionLink>
                    <ActionLink danger={c.active} testId="category-toggle" onClick={() => void toggle.run(c)}>{c.active ? '停用' : '恢复'}</ActionLink>
                  </Cell>
                </Row>
              ))}
            </Table>
          )}
          {toggle.failure && <Text className="admin-message admin-message--error">{toggle.failure}</Text>}
        </Panel>
        <CategoryForm key={editing?.id ?? 'new'} category={editing} onSaved={() => invalidate(queryKeys.admin.categories())} onNew={() => setEditing(null)} />
      </View>
    </AdminFrame>
  );
}

function CategoryForm({ category, onSaved, onNew }: { category: CategoryView | null; onSaved: () => void; onNew: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(category));
  const [done, setDone] = useState<string | null>(null);
  const set = (field: 'code' | 'name' | 'acceptHours' | 'resolveHours') => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const toggleKind = (k: StationKind) => setDraft((d) => ({ ...d, stationKinds: d.stationKinds.includes(k) ? d.stationKinds.filter((x) => x !== k) : [...d.stationKinds, k] }));
  const save = useAction(async () => {
    const acceptHours = Number(draft.acceptHours);
    const resolveHours = Number(draft.resolveHours);
    if (!Number.isInteger(acceptHours) || !Number.isInteger(resolveHours)) throw new Error('时限请填写整数小时');
    const body = { name: draft.name.trim(), acceptHours, resolveHours, stationKinds: draft.stationKinds };
    if (category) await admin.updateCategory(category.id, body);
    else await admin.addCategory({ code: draft.code.trim(), ...body });
    setDone(category ? '已保存，新上报的案件按新时限计算' : `已添加「${body.name}」`);
    onSaved();
  });
  return (
    <Panel title={category ? `编辑：${category.name}` : '添加类型'} testId="category-form">
      {!category && <Field label="编码（小写字母、数字、下划线）" value={draft.code} onChange={set('code')} placeholder="shared_bikes" testId="category-code" />}
      <Field label="名称" value={draft.name} onChange={set('name')} maxLength={20} testId="category-name-input" />
      <Field label="受理时限（小时）" value={draft.acceptHours} onChange={set('acceptHours')} testId="category-accept" />
      <Field label="办结时限（小时）" value={draft.resolveHours} onChange={set('resolveHours')} testId="category-resolve" />
      <Text className="muted">承办工作站类型（不选则全部）</Text>
      <View className="admin-chips" data-testid="category-kinds">
        {STATION_KINDS.map((k) => (
          <View key={k} className={`admin-chip${draft.stationKinds.includes(k) ? ' admin-chip--on' : ''}`} onClick={() => toggleKind(k)}>
            {STATION_KIND_LABELS[k]}
          </View>
        ))}
      </View>
      <Button block loading={save.busy} testId="category-save" onClick={() => void save.run()}>
        {category ? '保存修改' : '添加类型'}
      </Button>
      {category && (
        <Button kind="plain" block onClick={onNew}>
          改为添加新类型
        </Button>
      )}
      {save.failure && <Text className="admin-message admin-message--error" data-testid="category-error">{save.failure}</Text>}
      {done && !save.failure && <Text className="admin-message" data-testid="category-done">{done}</Text>}
    </Panel>
  );
}
