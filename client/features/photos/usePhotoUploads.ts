import { useCallback, useRef } from 'react';
import { uploadPhoto } from '../../api';
import { pickPhotos } from '../../services/media';
import { preparePhoto } from './photo-encoder';
import { photoFailure } from './photo-failure';
import { addPhotos, photoSteps, slotsLeft, type DraftPhoto, type SetPhotos } from './photos';

/** At most this many photos are compressed and uploaded at once. */
export const PARALLEL_UPLOADS = 2;

/**
 * Drives a photo list (随手拍, 补充说明): photos are resized and uploaded as soon as they are
 * picked, two at a time, each with its progress; a failed one shows why, and waits for a retry
 * when the network was to blame. The list itself
 * lives with the caller (`photos` + `setPhotos`), e.g. in the report's stored draft.
 */
export function usePhotoUploads(photos: DraftPhoto[], setPhotos: SetPhotos) {
  // The latest list, also updated before React re-renders, so the queue finds photos added just now.
  const listRef = useRef(photos);
  listRef.current = photos;
  const queue = useRef<string[]>([]);
  const active = useRef(0);

  const replace = useCallback(
    (list: DraftPhoto[]) => {
      listRef.current = list;
      setPhotos(() => list);
    },
    [setPhotos],
  );

  const pump = useCallback(() => {
    while (active.current < PARALLEL_UPLOADS && queue.current.length > 0) {
      const key = queue.current.shift() as string;
      const photo = listRef.current.find((p) => p.key === key);
      if (!photo) continue; // removed while waiting
      active.current += 1;
      void (async () => {
        try {
          const prepared = await preparePhoto(photo.localPath);
          setPhotos((list) => photoSteps.uploading(list, key));
          const media = await uploadPhoto(prepared.path, (pct) => setPhotos((list) => photoSteps.progress(list, key, pct)));
          setPhotos((list) => photoSteps.uploaded(list, key, media.id));
        } catch (error) {
          const failure = photoFailure(error);
          setPhotos((list) => photoSteps.failed(list, key, failure.message, failure.retryable));
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

  /** Adds photos the resident picks from the camera or album and starts uploading them. */
  const addFromDevice = useCallback(async () => {
    const paths = await pickPhotos(slotsLeft(listRef.current));
    if (paths.length === 0) return;
    const before = listRef.current;
    const after = addPhotos(before, paths);
    replace(after);
    upload(after.slice(before.length).map((p) => p.key));
  }, [replace, upload]);

  const retryPhoto = useCallback(
    (key: string) => {
      replace(photoSteps.retry(listRef.current, key));
      upload([key]);
    },
    [replace, upload],
  );

  const removePhoto = useCallback((key: string) => setPhotos((list) => photoSteps.remove(list, key)), [setPhotos]);

  return { addFromDevice, retryPhoto, removePhoto };
}
