import { Text } from '@tarojs/components';
import { useState } from 'react';
import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKind, type EventView } from '@citycare/shared';
import { invalidate, queryKeys, useRequestKey } from '../../../api';
import { staffEvents } from '../../../api/staff';
import Button from '../../../components/Button';
import Chips from '../../../components/Chips';
import Field from '../../../components/Field';
import Sheet from '../../../components/Sheet';
import { useAction } from '../../../hooks/useAction';

const KIND_CHIPS = EVENT_KINDS.map((k) => ({ key: k, label: EVENT_KIND_LABELS[k] }));

/** Create an open day or meeting, or edit one (`editing`). */
export default function EventForm({ editing, onClose }: { editing?: EventView; onClose: () => void }) {
  const [kind, setKind] = useState<EventKind>(editing?.kind ?? 'open_day');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [place, setPlace] = useState(editing?.place ?? '');

  const changed = title !== (editing?.title ?? '') || description !== (editing?.description ?? '') || place !== (editing?.place ?? '');

  const body = { kind, title: title.trim(), description: description.trim(), place: place.trim() };
  const key = useRequestKey(body);

  const save = useAction(async () => {
    if (!body.title || !body.description || !body.place) throw new Error('请填写标题、介绍和地点');
    if (editing) await staffEvents.update(editing.id, body);
    else await staffEvents.create({ ...body, photos: [] }, key);
    invalidate(queryKeys.staff.events());
    invalidate(queryKeys.events.all());
    onClose();
  });

  return (
    <Sheet open title={editing ? '编辑活动' : '新建活动'} onClose={onClose} dirty={changed} testId="event-form">
      <Chips options={KIND_CHIPS} value={kind} onChange={(k) => k && setKind(k)} required testId="event-kind" />
      <Field label="标题" value={title} onChange={setTitle} maxLength={60} placeholder="如：城管开放日：走进工作站" testId="event-title" />
      <Field label="介绍" value={description} onChange={setDescription} maxLength={2000} multiline testId="event-description" />
      <Field label="地点" value={place} onChange={setPlace} maxLength={200} placeholder="如：工作站一楼" testId="event-place" />
      <Button block loading={save.busy} testId="event-save" onClick={() => void save.run()}>
        {editing ? '保存修改' : '创建活动'}
      </Button>
      {save.failure && <Text className="message message--error">{save.failure}</Text>}
    </Sheet>
  );
}
