import { Text } from '@tarojs/components';
import './index.css';

export type BadgeTone = 'info' | 'success' | 'warning' | 'danger' | 'neutral';

/** A short status label: 已受理, 已超期, 候补中… */
export default function Badge({ tone = 'info', text, testId }: { tone?: BadgeTone; text: string; testId?: string }) {
  return (
    <Text className={`badge badge--${tone}`} data-testid={testId}>
      {text}
    </Text>
  );
}
