import { Text, View } from '@tarojs/components';
import type { SignedPhoto } from '@citycare/shared';
import { Photo, type PhotoErrorHandler } from '../Photo';
import './index.css';

function Side({ label, photos, onError, testId }: { label: string; photos: SignedPhoto[]; onError?: PhotoErrorHandler; testId: string }) {
  return (
    <View className="before-after__side" data-testid={testId}>
      <Text className="before-after__label">{label}</Text>
      {photos.length > 0 ? (
        <Photo photos={photos} index={0} size="large" onError={onError} testId={`${testId}-photo`} />
      ) : (
        <View className="before-after__none">
          <Text className="muted">无照片</Text>
        </View>
      )}
      {photos.length > 1 && <Text className="muted before-after__count">共 {photos.length} 张，点击查看</Text>}
    </View>
  );
}

/** 处理前 / 处理后 side by side: the reporter's photos and the ones the officer took on resolving. */
export default function BeforeAfter({ before, after, onError }: { before: SignedPhoto[]; after: SignedPhoto[]; onError?: PhotoErrorHandler }) {
  return (
    <View className="before-after" data-testid="before-after">
      <Side label="处理前" photos={before} onError={onError} testId="before" />
      <Side label="处理后" photos={after} onError={onError} testId="after" />
    </View>
  );
}
