import { Image, Text, View } from '@tarojs/components';
import { mediaUrl } from '../../api';
import { MAX_PHOTOS, type DraftPhoto } from '../../features/photos/photos';
import './index.css';

interface Props {
  photos: DraftPhoto[];
  onAdd: () => void;
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** The picked file while it lasts; after a restart, an upload's thumbnail from the server. */
function previewOf(photo: DraftPhoto): string {
  if (photo.localPath) return photo.localPath;
  return photo.thumbUrl ? mediaUrl(photo.thumbUrl) : '';
}

function statusText(photo: DraftPhoto): string {
  if (photo.status === 'preparing') return '压缩中';
  if (photo.status === 'uploading') return '上传中';
  if (photo.status === 'failed') return photo.retryable ? '重试' : '上传失败';
  return '';
}

/**
 * Up to 9 photos, each with its upload progress and remove; a failed one says why under it,
 * and offers 重试 only when trying again can help (a photo too large or expired must be replaced).
 */
export default function PhotoPicker({ photos, onAdd, onRetry, onRemove }: Props) {
  return (
    <View className="photo-picker" data-testid="photo-picker">
      {photos.map((photo) => {
        const canRetry = photo.status === 'failed' && photo.retryable === true;
        const preview = previewOf(photo);
        return (
          <View key={photo.key} className="photo-picker__cell">
            <View className="photo-picker__item" data-testid="photo-item" data-status={photo.status}>
              {preview && <Image className="photo-picker__image" src={preview} mode="aspectFill" />}
              {!preview && photo.status === 'uploaded' && (
                <View className="photo-picker__placeholder">
                  <Text>已上传</Text>
                </View>
              )}
              {photo.status !== 'uploaded' && (
                <View
                  className={`photo-picker__veil${photo.status === 'failed' ? ' photo-picker__veil--failed' : ''}`}
                  onClick={() => canRetry && onRetry(photo.key)}
                  data-testid={canRetry ? 'photo-retry' : undefined}
                >
                  <Text className="photo-picker__status">{statusText(photo)}</Text>
                  {photo.status === 'uploading' && <Text className="photo-picker__status">{photo.progress}%</Text>}
                </View>
              )}
              <Text className="photo-picker__remove" data-testid="photo-remove" onClick={() => onRemove(photo.key)}>
                ×
              </Text>
            </View>
            {photo.status === 'failed' && photo.error && (
              <Text className="photo-picker__error" data-testid="photo-error">
                {photo.error}
              </Text>
            )}
          </View>
        );
      })}
      {photos.length < MAX_PHOTOS && (
        <View className="photo-picker__add" hoverClass="photo-picker__add--pressed" data-testid="photo-add" onClick={onAdd}>
          <Text className="photo-picker__plus">+</Text>
          <Text className="photo-picker__hint">
            {photos.length}/{MAX_PHOTOS}
          </Text>
        </View>
      )}
    </View>
  );
}
