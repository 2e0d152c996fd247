import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import type { SignedPhoto } from '@citycare/shared';
import { mediaUrl } from '../../api';
import './index.css';

/** Opens the photos full size in WeChat's viewer (an overlay on H5), at the one tapped. */
function preview(photos: SignedPhoto[], index: number): void {
  const urls = photos.map((p) => mediaUrl(p.url));
  Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined);
}

/** A photo that failed to load: one of a set (its expiry names its URLs), or a single signed URL (an officer's photo on the wall). */
export type FailedPhoto = Pick<SignedPhoto, 'expiresAt'> | { url: string };
export type PhotoErrorHandler = (photo: FailedPhoto) => void;

/**
 * What a page does when a photo fails to load: its signed URL has most likely expired
 * (403 MEDIA_URL_EXPIRED), so the page's data is fetched again for fresh URLs — once per
 * expiry (or URL), so a photo that fails for another reason cannot make the page reload forever.
 */
export function usePhotoRefresh(refresh: () => Promise<unknown>): PhotoErrorHandler {
  const tried = useRef(new Set<string>());
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  return useCallback((photo: FailedPhoto) => {
    const key = 'expiresAt' in photo ? photo.expiresAt : photo.url;
    if (tried.current.has(key)) return;
    tried.current.add(key);
    void refreshRef.current();
  }, []);
}

interface PhotoProps {
  photos: SignedPhoto[];
  index: number;
  size?: 'mini' | 'thumb' | 'large';
  onError?: PhotoErrorHandler;
  testId?: string;
}

/** One stored photo (its thumbnail); tapping it opens the whole set full size (a mini one is part of a card's tap). */
export function Photo({ photos, index, size = 'thumb', onError, testId }: PhotoProps) {
  const photo = photos[index];
  return (
    <View className={`photo photo--${size}`} data-testid={testId} data-photo-id={photo.id} onClick={size === 'mini' ? undefined : () => preview(photos, index)}>
      <Image className="photo__image" src={mediaUrl(photo.thumbUrl)} mode="aspectFill" lazyLoad onError={() => onError?.(photo)} />
    </View>
  );
}

/** The photos of a case, a reply or a notice as a grid of thumbnails. */
export default function PhotoGrid({ photos, onError, testId = 'photo' }: { photos: SignedPhoto[]; onError?: PhotoErrorHandler; testId?: string }) {
  if (photos.length === 0) return null;
  return (
    <View className="photo-grid" data-testid={`${testId}-grid`}>
      {photos.map((photo, index) => (
        <Photo key={photo.id} photos={photos} index={index} onError={onError} testId={testId} />
      ))}
    </View>
  );
}
