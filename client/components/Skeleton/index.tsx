import { View } from '@tarojs/components';
import './index.css';

/** Grey placeholder cards while a first answer loads, so the page does not jump. */
export default function Skeleton({ count = 3 }: { count?: number }) {
  return (
    <View className="skeleton" data-testid="skeleton">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="skeleton__card">
          <View className="skeleton__bar skeleton__bar--title" />
          <View className="skeleton__bar skeleton__bar--short" />
          <View className="skeleton__bar" />
        </View>
      ))}
    </View>
  );
}
