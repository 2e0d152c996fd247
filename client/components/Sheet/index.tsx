import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  testId?: string;
}

/** A bottom sheet over the page; tapping the dim area closes it. */
export default function Sheet({ open, title, onClose, testId, children }: PropsWithChildren<Props>) {
  if (!open) return null;
  return (
    <View className="sheet" catchMove data-testid={testId}>
      <View className="sheet__mask" onClick={onClose} />
      <View className="sheet__panel">
        <View className="sheet__head">
          <Text className="sheet__title">{title}</Text>
          <Text className="sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        <View className="sheet__body">{children}</View>
      </View>
    </View>
  );
}
