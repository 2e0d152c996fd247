import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_CASE_TEXT_CHARS } from '@citycare/shared';
import { cases, invalidate, isApiError, newIdempotencyKey, queryKeys } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import PhotoPicker from '../../../components/PhotoPicker';
import { photosBusy, photosFailed, uploadedMediaIds, type DraftPhoto } from '../../../features/photos/photos';
import { usePhotoUploads } from '../../../features/photos/usePhotoUploads';
import { useAction } from '../../../hooks/useAction';

/** 补充说明: the reporter adds text and photos to their open case; the station is told. */
export default function SupplementForm({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  // One key per supplement: a resend after a lost answer adds it once.
  const [key, setKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState(false);
  const uploads = usePhotoUploads(photos, setPhotos);

  const send = useAction(async () => {
    setSent(false);
    const problem = !text.trim() ? '请填写补充内容' : photosBusy(photos) ? '照片还在上传，请稍候' : photosFailed(photos) ? '有照片上传失败，请重试或删除' : null;
    if (problem) throw new Error(problem);
    try {
      await cases.addSupplement(caseId, { text: text.trim(), photos: uploadedMediaIds(photos) }, key);
    } catch (error) {
      // The key went with other content before: this supplement needs a key of its own.
      if (isApiError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED') setKey(newIdempotencyKey());
      throw error;
    }
    setText('');
    setPhotos([]);
    setKey(newIdempotencyKey());
    setOpen(false);
    setSent(true);
    invalidate(queryKeys.cases.all());
  });

  return (
    <View className="section" data-testid="supplement">
      <View className="row row--between">
        <Text className="section__title">补充说明</Text>
        {!open && (
          <Button kind="secondary" size="sm" testId="supplement-open" onClick={() => setOpen(true)}>
            添加
          </Button>
        )}
      </View>
      <Text className="muted">问题有新情况？补充文字和照片，工作站人员会看到</Text>
      {open && (
        <View data-testid="supplement-form">
          <Field label="补充内容" value={text} onChange={setText} maxLength={MAX_CASE_TEXT_CHARS} multiline placeholder="如：摊贩晚上又出现了" testId="supplement-text" />
          <PhotoPicker photos={photos} onAdd={() => void uploads.addFromDevice()} onRetry={uploads.retryPhoto} onRemove={uploads.removePhoto} />
          <View className="row gap-top">
            <Button kind="plain" onClick={() => setOpen(false)}>
              收起
            </Button>
            <View className="case-detail__grow">
              <Button block loading={send.busy} testId="supplement-submit" onClick={() => void send.run()}>
                提交补充
              </Button>
            </View>
          </View>
        </View>
      )}
      {(send.failure || sent) && (
        <Text className={`message message--${send.failure ? 'error' : 'done'}`} data-testid="supplement-message">
          {send.failure ?? '已补充，工作站会收到提醒'}
        </Text>
      )}
    </View>
  );
}
