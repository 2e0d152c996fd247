import { Image, Text, View } from '@tarojs/components';
import { MAX_PHOTOS, type DraftPhoto } from '../../features/photos/photos';
import './index.css';

interface Props {
  photos: DraftPhoto[];
  onAdd: () => void;
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

const STATUS_TEXT: Record<DraftPhoto['status'], string> = {
  preparing: '压缩中',
  uploading: '上传中',
  uploaded: '',
  failed: '重试',
};

/** Up to 9 photos, each with its upload progress, a retry when it failed, and remove. */
export default function PhotoPicker({ photos, onAdd, onRetry, onRemove }: Props) {
  return (
    <View className="photo-picker" data-testid="photo-picker">
      {photos.map((photo) => (
        <View key={photo.key} className="photo-picker__item" data-testid="photo-item" data-status={photo.status}>
          <Image className="photo-picker__image" src={photo.localPath} mode="aspectFill" />
          {photo.status !== 'uploaded' && (
            <View
              className={`photo-picker__veil${photo.status === 'failed' ? ' photo-picker__veil--failed' : ''}`}
              onClick={() => photo.status === 'failed' && onRetry(photo.key)}
              data-testid={photo.status === 'failed' ? 'photo-retry' : undefined}
            >
              <Text className="photo-picker__status">{STATUS_TEXT[photo.status]}</Text>
              {photo.status === 'uploading' && <Text className="photo-picker__status">{photo.progress}%</Text>}
            </View>
          )}
          <Text className="photo-picker__remove" data-testid="photo-remove" onClick={() => onRemove(photo.key)}>
            ×
          </Text>
        </View>
      ))}
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
