import { Text } from '@tarojs/components';
import { useState } from 'react';
import type { ZoneView } from '@citycare/shared';
import { invalidate } from '../../../api';
import { staffZones } from '../../../api/staff';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import Sheet from '../../../components/Sheet';
import { useAction } from '../../../hooks/useAction';
import { locateResident, pickPlace } from '../../../services/location';

interface Draft {
  name: string;
  address: string;
  lat: string;
  lng: string;
  hours: string;
  stallCount: string;
  rules: string;
}

const fromZone = (z?: ZoneView): Draft => ({
  name: z?.name ?? '',
  address: z?.address ?? '',
  lat: z ? String(z.lat) : '',
  lng: z ? String(z.lng) : '',
  hours: z?.hours ?? '',
  stallCount: z ? String(z.stallCount) : '',
  rules: z?.rules ?? '',
});

/** Add a stall zone to my station, or edit one; the place comes from the map (weapp), here, or typed coordinates. */
export default function ZoneForm({ editing, onClose }: { editing?: ZoneView; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => fromZone(editing));
  const set = (patch: Partial<Draft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const [placeFailure, setPlaceFailure] = useState<string | null>(null);

  const here = async () => {
    setPlaceFailure(null);
    if (process.env.TARO_ENV === 'weapp') {
      // null: the lead closed the map, and the zone keeps its place (not the lead's own).
      const picked = await pickPlace();
      if (picked) set({ lat: String(picked.lat), lng: String(picked.lng), address: draft.address || picked.address });
      return;
    }
    const located = await locateResident();
    if (located.ok) set({ lat: located.at.lat.toFixed(6), lng: located.at.lng.toFixed(6) });
    else setPlaceFailure(located.reason === 'denied' ? '未获得定位权限，请填写经纬度' : '暂时无法定位，请稍后重试或填写经纬度');
  };

  const save = useAction(async () => {
    const lat = Number(draft.lat);
    const lng = Number(draft.lng);
    const stallCount = Number(draft.stallCount);
    if (!draft.name.trim() || !draft.address.trim() || !draft.hours.trim()) throw new Error('请填写名称、地址和开放时间');
    if (!draft.lat.trim() || !draft.lng.trim() || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new Error('请定位或填写正确的经纬度');
    if (!Number.isInteger(stallCount) || stallCount < 0) throw new Error('摊位数请填整数');
    const body = { name: draft.name.trim(), address: draft.address.trim(), lat, lng, hours: draft.hours.trim(), stallCount, rules: draft.rules.trim() };
    if (editing) await staffZones.update(editing.id, body);
    else await staffZones.create(body);
    invalidate(['zones']);
    onClose();
  });

  return (
    <Sheet open title={editing ? '编辑摊位区' : '新增摊位区'} onClose={onClose} testId="zone-form">
      <Field label="名称" value={draft.name} onChange={(name) => set({ name })} maxLength={60} placeholder="如：中大街夜市" testId="zone-name" />
      <Field label="地址" value={draft.address} onChange={(address) => set({ address })} maxLength={200} testId="zone-address" />
      <Field label="纬度" value={draft.lat} onChange={(lat) => set({ lat })} placeholder="32.5368" testId="zone-lat" />
      <Field label="经度" value={draft.lng} onChange={(lng) => set({ lng })} placeholder="120.4592" testId="zone-lng" />
      <Button kind="plain" size="sm" testId="zone-here" onClick={() => void here()}>
        {process.env.TARO_ENV === 'weapp' ? '在地图上选点' : '使用当前位置'}
      </Button>
      {placeFailure && (
        <Text className="message message--error" data-testid="zone-place-message">
          {placeFailure}
        </Text>
      )}
      <Field label="开放时间" value={draft.hours} onChange={(hours) => set({ hours })} maxLength={100} placeholder="每日 17:00–22:00" testId="zone-hours" />
      <Field label="摊位数" value={draft.stallCount} onChange={(stallCount) => set({ stallCount })} testId="zone-stalls" />
      <Field label="经营规范" value={draft.rules} onChange={(rules) => set({ rules })} maxLength={2000} multiline testId="zone-rules" />
      <Button block loading={save.busy} testId="zone-save" onClick={() => void save.run()}>
        保存
      </Button>
      {save.failure && (
        <Text className="message message--error" data-testid="zone-message">
          {save.failure}
        </Text>
      )}
    </Sheet>
  );
}
