import { Text, View } from '@tarojs/components';
import './index.css';

/**
 * Stands in for a stored photo: <image> cannot send the Authorization header the photo routes
 * need, so until they return signed URLs (phase 2, PHASE2_READY.signedPhotos) we show how many
 * photos there are instead of broken images.
 */
export default function PhotoPlaceholder({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <View className="photo-placeholder" data-testid="photo-placeholder">
      <Text className="photo-placeholder__count">{count} 张照片</Text>
      <Text className="photo-placeholder__note">照片查看功能即将开放</Text>
    </View>
  );
}
