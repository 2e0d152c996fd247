import { Text, View } from '@tarojs/components';
import './index.css';

/** A label and its value on one line, as in a case's or a station's facts. */
export default function InfoRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="info-row" data-testid={testId}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}
