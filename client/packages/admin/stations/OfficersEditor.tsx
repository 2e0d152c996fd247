import { Image, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AdminStation } from '@citycare/shared';
import { admin, mediaUrl, uploadPhoto } from '../../../api';
import Button from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { pickPhotos } from '../../../services/media';
import { Panel } from '../AdminFrame';

interface OfficerDraft {
  key: number;
  name: string;
  role: string;
  duties: string;
  photoId: string | null;
  /** What to show: the signed URL from the server, or the picked file before saving. */
  preview: string | null;
}

let nextKey = 0;

/** 上墙挂牌: the officers residents see on the station's page — name, role, duties, photo. */
export default function OfficersEditor({ station, onSaved }: { station: AdminStation; onSaved: (s: AdminStation) => void }) {
  const [rows, setRows] = useState<OfficerDraft[]>(() =>
    station.officers.map((o) => ({ key: ++nextKey, name: o.name, role: o.role, duties: o.duties.join('，'), photoId: o.photoId, preview: o.photoUrl ? mediaUrl(o.photoUrl) : null })),
  );
  const [done, setDone] = useState(false);
  const change = (key: number, patch: Partial<OfficerDraft>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const upload = useAction(async (key: number) => {
    const [path] = await pickPhotos(1);
    if (!path) return;
    const media = await uploadPhoto(path);
    change(key, { photoId: media.id, preview: path });
  });
  const save = useAction(async () => {
    const officers = rows
      .filter((r) => r.name.trim())
      .map((r) => ({ name: r.name.trim(), role: r.role.trim() || '城管队员', duties: r.duties.split(/[，,、\n]/).map((d) => d.trim()).filter(Boolean), photoId: r.photoId }));
    onSaved(await admin.setOfficers(station.id, officers));
    setDone(true);
  });

  return (
    <Panel title={`值班人员：${station.name}`} note="上墙挂牌，居民在工作站页面看到" testId="roster-editor">
      {rows.map((r) => (
        <View key={r.key} className="admin-officer" data-testid="roster-row">
          <View className="admin-officer__photo" data-testid="roster-photo" onClick={() => void upload.run(r.key)}>
            {r.preview ? <Image className="admin-officer__img" src={r.preview} mode="aspectFill" /> : <Text>上传照片</Text>}
          </View>
          <Input className="admin-input" value={r.name} placeholder="姓名" data-testid="roster-name" onInput={(e) => change(r.key, { name: e.detail.value })} />
          <Input className="admin-input" value={r.role} placeholder="职务，如 城管队员" data-testid="roster-role" onInput={(e) => change(r.key, { role: e.detail.value })} />
          <Input className="admin-input" value={r.duties} placeholder="职责，用逗号分隔" data-testid="roster-duties" onInput={(e) => change(r.key, { duties: e.detail.value })} />
          <Text className="admin-link admin-link--danger" onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
            移除
          </Text>
        </View>
      ))}
      <View className="admin-actions">
        <Button kind="secondary" size="sm" testId="roster-add" onClick={() => setRows((all) => [...all, { key: ++nextKey, name: '', role: '城管队员', duties: '', photoId: null, preview: null }])}>
          添加人员
        </Button>
        <Button size="sm" loading={save.busy} testId="roster-save" onClick={() => void save.run()}>
          保存值班人员
        </Button>
      </View>
      {(save.failure || upload.failure) && <Text className="admin-message admin-message--error">{save.failure ?? upload.failure}</Text>}
      {done && !save.failure && <Text className="admin-message" data-testid="roster-done">已更新，居民端即刻可见</Text>}
    </Panel>
  );
}
