import { Text, View } from '@tarojs/components';
import { formatDistance, type ZoneView } from '@citycare/shared';
import { navigateToStation } from '../../services/navigation';
import './index.css';

/** A temporary stall zone: hours, stalls, rules; tap to navigate there. */
export default function ZoneCard({ zone }: { zone: ZoneView }) {
  return (
    <View className="zone-card" data-testid="zone-card" onClick={() => void navigateToStation(zone)}>
      <View className="row row--between">
        <Text className="zone-card__name">{zone.name}</Text>
        {zone.distanceM !== undefined && <Text className="zone-card__distance">{formatDistance(zone.distanceM)}</Text>}
      </View>
      <Text className="zone-card__meta">
        {zone.hours} · {zone.stallCount} 个摊位
      </Text>
      <Text className="zone-card__meta">{zone.address}</Text>
      {zone.rules && <Text className="zone-card__rules">{zone.rules}</Text>}
    </View>
  );
}
