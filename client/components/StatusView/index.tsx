import { Text, View } from '@tarojs/components';
import './index.css';

interface Props {
  tone: 'empty' | 'error';
  title: string;
  message?: string;
  actionText?: string;
  onAction?: () => void;
  testId?: string;
}

/** A whole-area message: nothing to show, or something went wrong and how to go on. */
export default function StatusView({ tone, title, message, actionText, onAction, testId }: Props) {
  return (
    <View className={`status-view status-view--${tone}`} data-testid={testId ?? `status-${tone}`}>
      <View className="status-view__icon">{tone === 'error' ? '!' : '?'}</View>
      <Text className="status-view__title">{title}</Text>
      {message && <Text className="status-view__message">{message}</Text>}
      {actionText && onAction && (
        <View className="status-view__action" hoverClass="status-view__action--pressed" onClick={onAction}>
          {actionText}
        </View>
      )}
    </View>
  );
}
