import { Text, View } from '@tarojs/components';
import './index.css';

/**
 * Marks a place where a phase-2 route plugs in (api/phase2.ts, PHASE2_READY). Says what will
 * be here; never shows made-up data.
 */
export default function ComingSoon({ title, message, testId }: { title: string; message: string; testId?: string }) {
  return (
    <View className="coming-soon" data-testid={testId ?? 'coming-soon'}>
      <Text className="coming-soon__title">{title}</Text>
      <Text className="coming-soon__badge">即将开放</Text>
      <Text className="coming-soon__message">{message}</Text>
    </View>
  );
}
