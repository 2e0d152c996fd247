import { View } from '@tarojs/components';
import './index.css';

/** Grey placeholder cards while we locate and load, so the page does not jump. */
export default function StationSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View className="station-skeleton" data-testid="station-skeleton">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="station-skeleton__card">
          <View className="station-skeleton__bar station-skeleton__bar--title" />
          <View className="station-skeleton__bar station-skeleton__bar--short" />
          <View className="station-skeleton__bar" />
        </View>
      ))}
    </View>
  );
}
