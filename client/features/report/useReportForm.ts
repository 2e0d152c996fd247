import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '@citycare/shared';
import { cases, invalidate, isApiError, messageOf, newIdempotencyKey, onSessionChange, queryKeys } from '../../api';
import { expireAllUploads, expireOldUploads, photosFailed, type DraftPhoto } from '../photos/photos';
import { loadServerPreviews } from '../photos/server-previews';
import { usePhotoUploads } from '../photos/usePhotoUploads';
import { clearDraft, loadDraft, newDraft, saveDraft, type ReportDraft } from './draft';
import { toCaseBody, type ReportForm } from './form';

export type SubmitResult = { ok: true; detail: CaseDetail } | { ok: false; message: string };

const EXPIRED_PHOTOS = '有照片已过期，请删除标红的照片后重新选择';

/** The 随手拍 form: draft kept in storage, photos uploaded as soon as they are picked, one send. */
export function useReportForm() {
  const [draft, setDraft] = useState<ReportDraft>(loadDraft);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(() => saveDraft(draft), [draft]);

  // Signed out (features/account/leave.ts clears the stored draft): the open 随手拍 tab empties too.
  useEffect(
    () =>
      onSessionChange((user) => {
        if (!user) setDraft(newDraft());
      }),
    [],
  );

  const patch = useCallback((fields: Partial<ReportForm>) => {
    setDraft((d) => ({ ...d, form: { ...d.form, ...fields } }));
  }, []);

  const setPhotos = useCallback((step: (list: DraftPhoto[]) => DraftPhoto[]) => {
    setDraft((d) => ({ ...d, form: { ...d.form, photos: step(d.form.photos) } }));
  }, []);
  const photos = usePhotoUploads(draft.form.photos, setPhotos);

  // The draft came from storage: after a restart its uploads are previewed from the server.
  useEffect(() => void loadServerPreviews(draftRef.current.form.photos, setPhotos), [setPhotos]);

  /** Sends the case with the draft's key; the draft stays until the server has accepted it. */
  const submit = useCallback(async (): Promise<SubmitResult> => {
    const current = draftRef.current;
    // A form left open for a day: its oldest uploads may be gone from the server already.
    const fresh = expireOldUploads(current.form.photos);
    if (photosFailed(fresh) > photosFailed(current.form.photos)) {
      setPhotos(() => fresh);
      return { ok: false, message: EXPIRED_PHOTOS };
    }
    try {
      const detail = await cases.create(toCaseBody(current.form), current.idempotencyKey);
      clearDraft();
      setDraft(newDraft());
      invalidate(queryKeys.cases.all());
      return { ok: true, detail };
    } catch (error) {
      if (isApiError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED') {
        // An earlier send with this key landed with other content: this one needs a key of its own.
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
        return { ok: false, message: '上次的提交可能已成功，请先到“我的报事”查看；如需再次提交请重试' };
      }
      if (isApiError(error) && error.code === 'MEDIA_NOT_FOUND') {
        // The server deleted some uploads (unattached for 24 h) without saying which: all are replaced.
        setPhotos(expireAllUploads);
        return { ok: false, message: EXPIRED_PHOTOS };
      }
      const saved = isApiError(error) && error.isTransient ? '（草稿已保存，可稍后重试）' : '';
      return { ok: false, message: `${messageOf(error)}${saved}` };
    }
  }, [setPhotos]);

  const discard = useCallback(() => {
    clearDraft();
    setDraft(newDraft());
  }, []);

  return { form: draft.form, idempotencyKey: draft.idempotencyKey, patch, ...photos, submit, discard };
}
