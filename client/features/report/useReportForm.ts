import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '@citycare/shared';
import { cases, invalidate, isApiError, messageOf, queryKeys, uploadPhoto } from '../../api';
import { newIdempotencyKey } from '../../api/idempotency';
import { pickPhotos } from '../../services/media';
import { clearDraft, loadDraft, newDraft, saveDraft, type ReportDraft } from './draft';
import { toCaseBody, type ReportForm } from './form';
import { preparePhoto } from './photo-encoder';
import { addPhotos, photoSteps, slotsLeft, type DraftPhoto } from './photos';

/** At most this many photos are compressed and uploaded at once. */
const PARALLEL_UPLOADS = 2;

export type SubmitResult = { ok: true; detail: CaseDetail } | { ok: false; message: string };

/** The 随手拍 form: draft kept in storage, photos uploaded as soon as they are picked, one send. */
export function useReportForm() {
  const [draft, setDraft] = useState<ReportDraft>(loadDraft);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const queue = useRef<string[]>([]);
  const active = useRef(0);

  useEffect(() => saveDraft(draft), [draft]);

  const patch = useCallback((fields: Partial<ReportForm>) => {
    setDraft((d) => ({ ...d, form: { ...d.form, ...fields } }));
  }, []);

  const setPhotos = useCallback((step: (list: DraftPhoto[]) => DraftPhoto[]) => {
    setDraft((d) => ({ ...d, form: { ...d.form, photos: step(d.form.photos) } }));
  }, []);

  const pump = useCallback(() => {
    while (active.current < PARALLEL_UPLOADS && queue.current.length > 0) {
      const key = queue.current.shift() as string;
      const photo = draftRef.current.form.photos.find((p) => p.key === key);
      if (!photo) continue; // removed while waiting
      active.current += 1;
      void (async () => {
        try {
          const prepared = await preparePhoto(photo.localPath);
          setPhotos((list) => photoSteps.uploading(list, key));
          const media = await uploadPhoto(prepared.path, (pct) => setPhotos((list) => photoSteps.progress(list, key, pct)));
          setPhotos((list) => photoSteps.uploaded(list, key, media.id));
        } catch (error) {
          const message = isApiError(error) ? error.message : error instanceof Error ? error.message : messageOf(error);
          setPhotos((list) => photoSteps.failed(list, key, message));
        } finally {
          active.current -= 1;
          pump();
        }
      })();
    }
  }, [setPhotos]);

  const upload = useCallback(
    (keys: string[]) => {
      queue.current.push(...keys);
      pump();
    },
    [pump],
  );

  const addFromDevice = useCallback(async () => {
    const paths = await pickPhotos(slotsLeft(draftRef.current.form.photos));
    if (paths.length === 0) return;
    const before = draftRef.current.form.photos;
    const after = addPhotos(before, paths);
    const added = after.slice(before.length).map((p) => p.key);
    draftRef.current = { ...draftRef.current, form: { ...draftRef.current.form, photos: after } };
    setPhotos(() => after);
    upload(added);
  }, [setPhotos, upload]);

  const retryPhoto = useCallback(
    (key: string) => {
      const list = photoSteps.retry(draftRef.current.form.photos, key);
      draftRef.current = { ...draftRef.current, form: { ...draftRef.current.form, photos: list } };
      setPhotos(() => list);
      upload([key]);
    },
    [setPhotos, upload],
  );

  const removePhoto = useCallback((key: string) => setPhotos((list) => photoSteps.remove(list, key)), [setPhotos]);

  /** Sends the case with the draft's key; the draft stays until the server has accepted it. */
  const submit = useCallback(async (): Promise<SubmitResult> => {
    const current = draftRef.current;
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
      const saved = isApiError(error) && error.isTransient ? '（草稿已保存，可稍后重试）' : '';
      return { ok: false, message: `${messageOf(error)}${saved}` };
    }
  }, []);

  const discard = useCallback(() => {
    clearDraft();
    setDraft(newDraft());
  }, []);

  return { form: draft.form, idempotencyKey: draft.idempotencyKey, patch, addFromDevice, retryPhoto, removePhoto, submit, discard };
}
