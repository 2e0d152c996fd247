import { useState } from 'react';
import { photosBusy, photosFailed, type DraftPhoto } from '../../../features/photos/photos';
import { usePhotoUploads } from '../../../features/photos/usePhotoUploads';

/** Text plus photos uploaded as they are picked: a reply, a note, a resolution. */
export function usePhotoText() {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const uploads = usePhotoUploads(photos, setPhotos);
  const reset = () => {
    setText('');
    setPhotos([]);
  };
  return { text, setText, photos, uploads, reset };
}

/** Why the photos cannot go yet, in words; null when they can. */
export function photosProblem(photos: readonly DraftPhoto[]): string | null {
  if (photosBusy(photos)) return '照片还在上传，请稍候';
  if (photosFailed(photos)) return '有照片上传失败，请重试或删除';
  return null;
}
