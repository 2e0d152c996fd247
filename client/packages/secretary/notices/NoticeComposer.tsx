import { Image, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_NOTICE_BODY_CHARS, MAX_NOTICE_TITLE_CHARS } from '@citycare/shared';
import { invalidate, queryKeys, useRequestKey } from '../../../api';
import { managedNotices } from '../../../api/staff';
import Badge from '../../../components/Badge';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import ListRow from '../../../components/ListRow';
import PhotoPicker from '../../../components/PhotoPicker';
import Sheet from '../../../components/Sheet';
import { photosBusy, photosFailed, uploadedMediaIds, type DraftPhoto } from '../../../features/photos/photos';
import { usePhotoUploads } from '../../../features/photos/usePhotoUploads';
import { useAction } from '../../../hooks/useAction';
import { useAppState } from '../../../store/app-store';

/** Write a notice for my community with photos, preview it as residents will see it, publish. */
export default function NoticeComposer({ onPublished }: { onPublished: () => void }) {
  const community = useAppState((s) => s.user?.community ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [previewing, setPreviewing] = useState(false);
  const uploads = usePhotoUploads(photos, setPhotos);

  const problem = (): string | null =>
    !title.trim() ? '请填写标题' : !body.trim() ? '请填写正文' : photosBusy(photos) ? '照片还在上传，请稍候' : photosFailed(photos) ? '有照片上传失败，请重试或删除' : null;

  const draft = { title: title.trim(), body: body.trim(), photos: uploadedMediaIds(photos), pinned };
  const key = useRequestKey(draft);

  const publish = useAction(async () => {
    const p = problem();
    if (p) throw new Error(p);
    await managedNotices.publish(draft, key);
    setTitle('');
    setBody('');
    setPhotos([]);
    setPinned(false);
    setPreviewing(false);
    invalidate(queryKeys.staff.notices());
    invalidate(queryKeys.notices.all());
    onPublished();
  });

  return (
    <View className="section gap-top" data-testid="notice-composer">
      <Text className="section__title">发布公告 · {community}</Text>
      <Field label="标题" value={title} onChange={setTitle} maxLength={MAX_NOTICE_TITLE_CHARS} testId="notice-title" />
      <Field label="正文" value={body} onChange={setBody} maxLength={MAX_NOTICE_BODY_CHARS} multiline testId="notice-body" />
      <PhotoPicker photos={photos} onAdd={() => void uploads.addFromDevice()} onRetry={uploads.retryPhoto} onRemove={uploads.removePhoto} />
      <ListRow title="置顶" note="置顶公告排在最前">
        <Switch checked={pinned} onChange={(e) => setPinned(e.detail.value)} data-testid="notice-pinned" />
      </ListRow>
      <View className="staff-actions gap-top">
        <Button kind="secondary" testId="notice-preview" onClick={() => setPreviewing(true)}>
          预览
        </Button>
        <Button loading={publish.busy} testId="notice-publish" onClick={() => void publish.run()}>
          发布
        </Button>
      </View>
      {publish.failure && (
        <Text className="message message--error" data-testid="notice-message">
          {publish.failure}
        </Text>
      )}
      {previewing && (
        <Sheet open title="预览：居民看到的样子" onClose={() => setPreviewing(false)} testId="notice-preview-sheet">
          <View className="row">
            {pinned && <Badge tone="danger" text="置顶" />}
            <Badge tone="neutral" text={community} />
          </View>
          <Text className="section__title block gap-top" data-testid="notice-preview-title">
            {title || '（未填写标题）'}
          </Text>
          <Text className="body-text">{body || '（未填写正文）'}</Text>
          <View className="staff-actions gap-top">
            {photos.map((p) => (
              <Image key={p.key} className="photo-picker__image" src={p.localPath} mode="aspectFill" />
            ))}
          </View>
          {/* The composer's message is under the sheet's mask: say here why 确认发布 failed. */}
          {publish.failure && (
            <Text className="message message--error block" data-testid="notice-preview-message">
              {publish.failure}
            </Text>
          )}
          <Button block loading={publish.busy} testId="notice-preview-publish" onClick={() => void publish.run()}>
            确认发布
          </Button>
        </Sheet>
      )}
    </View>
  );
}
