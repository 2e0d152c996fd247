import { Text } from '@tarojs/components';
import { useState } from 'react';
import { STATION_KIND_LABELS, STATION_KINDS, type AdminStation, type StationKind } from '@citycare/shared';
import { admin } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { Chips, Panel } from '../AdminFrame';

const KINDS = STATION_KINDS.map((k) => ({ key: k, label: STATION_KIND_LABELS[k] }));

interface Draft {
  name: string;
  community: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  openingHours: string;
  kind: StationKind;
}

const draftOf = (s: AdminStation | null): Draft => ({
  name: s?.name ?? '',
  community: s?.community ?? '',
  address: s?.address ?? '',
  lat: s ? String(s.lat) : '',
  lng: s ? String(s.lng) : '',
  phone: s?.phone ?? '',
  openingHours: s?.openingHours ?? '周一至周日 8:30-17:30',
  kind: s?.kind ?? 'community',
});

/** Add a station, or edit one: name, community, kind, address, GCJ-02 coordinates, phone, hours. */
export default function StationForm({ station, done, onSaved, onNew }: { station: AdminStation | null; done: string | null; onSaved: (s: AdminStation, done: string) => void; onNew: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(station));
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const save = useAction(async () => {
    const lat = Number(draft.lat);
    const lng = Number(draft.lng);
    if (!draft.lat.trim() || !draft.lng.trim() || Number.isNaN(lat) || Number.isNaN(lng)) throw new Error('请填写数字形式的纬度和经度（GCJ-02）');
    const body = { name: draft.name.trim(), community: draft.community.trim(), address: draft.address.trim(), lat, lng, phone: draft.phone.trim(), openingHours: draft.openingHours.trim(), kind: draft.kind };
    const saved = station ? await admin.updateStation(station.id, body) : await admin.addStation(body);
    onSaved(saved, station ? '已保存' : `已添加「${saved.name}」`);
  });

  return (
    <Panel title={station ? `编辑：${station.name}` : '添加工作站'} testId="station-form">
      <Field label="名称" value={draft.name} onChange={set('name')} maxLength={100} testId="station-name" />
      <Field label="服务社区" value={draft.community} onChange={set('community')} maxLength={40} testId="station-community" />
      <Chips options={KINDS} value={draft.kind} onChange={(k) => setDraft((d) => ({ ...d, kind: k }))} testId="station-kind" />
      <Field label="地址" value={draft.address} onChange={set('address')} maxLength={200} testId="station-address" />
      <Field label="纬度 (GCJ-02)" value={draft.lat} onChange={set('lat')} placeholder="32.5368" testId="station-lat" />
      <Field label="经度 (GCJ-02)" value={draft.lng} onChange={set('lng')} placeholder="120.4592" testId="station-lng" />
      <Field label="电话" value={draft.phone} onChange={set('phone')} placeholder="0513-88880000" testId="station-phone" />
      <Field label="开放时间" value={draft.openingHours} onChange={set('openingHours')} maxLength={100} testId="station-hours" />
      <Button block loading={save.busy} testId="station-save" onClick={() => void save.run()}>
        {station ? '保存修改' : '添加工作站'}
      </Button>
      {station && (
        <Button kind="plain" block onClick={onNew}>
          改为添加新工作站
        </Button>
      )}
      {save.failure && <Text className="admin-message admin-message--error" data-testid="station-form-error">{save.failure}</Text>}
      {done && !save.failure && <Text className="admin-message" data-testid="station-form-done">{done}</Text>}
    </Panel>
  );
}
