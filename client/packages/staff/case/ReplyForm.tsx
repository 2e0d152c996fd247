import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_CASE_TEXT_CHARS } from '@citycare/shared';
import { invalidate, queryKeys, useRequestKey } from '../../../api';
import { staffCases } from '../../../api/staff';
import Button from '../../../components/Button';
import Chips from '../../../components/Chips';
import Field from '../../../components/Field';
import PhotoPicker from '../../../components/PhotoPicker';
import { uploadedMediaIds } from '../../../features/photos/photos';
import { useAction } from '../../../hooks/useAction';
import { photosProblem, usePhotoText } from './photo-text';

type Kind = 'reply' | 'note';
const KINDS = [
  { key: 'reply' as const, label: '回复报事人' },
  { key: 'note' as const, label: '内部备注' },
];

/** A public reply with photos (the reporter sees it), or an internal note only staff see. */
export default function ReplyForm({ caseId }: { caseId: string }) {
  const [kind, setKind] = useState<Kind>('reply');
  const [done, setDone] = useState<string | null>(null);
  const form = usePhotoText();
  const text = form.text.trim();
  const photos = uploadedMediaIds(form.photos);
  const key = useRequestKey({ kind, text, photos });

  const send = useAction(async () => {
    setDone(null);
    const problem = !text ? '请填写内容' : photosProblem(form.photos);
    if (problem) throw new Error(problem);
    if (kind === 'reply') await staffCases.reply(caseId, text, photos, key);
    else await staffCases.note(caseId, text, photos, key);
    form.reset(); // new words: a new key
    setDone(kind === 'reply' ? '已回复，报事人会收到提醒' : '已添加内部备注');
    invalidate(queryKeys.staff.all());
  });

  return (
    <View className="section" data-testid="staff-reply">
      <Text className="section__title">回复与备注</Text>
      <Chips options={KINDS} value={kind} onChange={(k) => k && setKind(k)} required testId="reply-kind" />
      <Text className="muted">{kind === 'reply' ? '报事人和关注者可以看到回复（照片仅报事人可见）' : '仅工作站人员可见，居民看不到'}</Text>
      <Field label={kind === 'reply' ? '回复内容' : '备注内容'} value={form.text} onChange={form.setText} maxLength={MAX_CASE_TEXT_CHARS} multiline testId="reply-text" />
      <PhotoPicker photos={form.photos} onAdd={() => void form.uploads.addFromDevice()} onRetry={form.uploads.retryPhoto} onRemove={form.uploads.removePhoto} />
      <Button block loading={send.busy} testId="reply-submit" onClick={() => void send.run()}>
        {kind === 'reply' ? '发送回复' : '添加备注'}
      </Button>
      {(send.failure || done) && (
        <Text className={`message message--${send.failure ? 'error' : 'done'}`} data-testid="reply-message">
          {send.failure ?? done}
        </Text>
      )}
    </View>
  );
}
