import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './index.css';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Something typed or picked that closing would throw away: the dim area and 关闭 ask first. */
  dirty?: boolean;
  testId?: string;
}

/**
 * A bottom sheet over the page; tapping the dim area or 关闭 closes it. A sheet holding
 * unsaved input (`dirty`) asks 放弃填写？ first, so a stray tap beside it loses nothing.
 */
export default function Sheet({ open, title, onClose, dirty = false, testId, children }: PropsWithChildren<Props>) {
  if (!open) return null;
  const close = () => {
    if (!dirty) return onClose();
    void Taro.showModal({ title: '放弃填写？', content: '已填写的内容不会保存', confirmText: '放弃', cancelText: '继续填写' }).then(({ confirm }) => {
      if (confirm) onClose();
    });
  };
  return (
    <View className="sheet" catchMove data-testid={testId}>
      <View className="sheet__mask" data-testid="sheet-mask" onClick={close} />
      <View className="sheet__panel">
        <View className="sheet__head">
          <Text className="sheet__title">{title}</Text>
          <Text className="sheet__close" data-testid="sheet-close" onClick={close}>
            关闭
          </Text>
        </View>
        <View className="sheet__body">{children}</View>
      </View>
    </View>
  );
}
