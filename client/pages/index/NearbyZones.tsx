import { Text, View } from '@tarojs/components';
import { queryKeys, useQuery, zones } from '../../api';
import ZoneCard from '../../components/ZoneCard';
import type { LocationState } from '../../hooks/useResidentLocation';

const RADIUS_M = 3000;

/** Temporary stall zones within 3 km. */
export default function NearbyZones({ location }: { location: LocationState }) {
  const at = location.phase === 'located' ? location.at : null;
  const near = useQuery(at ? queryKeys.zones.near(at, RADIUS_M) : null, () => zones.near(at!, RADIUS_M, 3));
  if (near.state.status !== 'success' || near.state.data.items.length === 0) return null;
  return (
    <View className="section" data-testid="nearby-zones">
      <Text className="section__title">附近的临时摊位区</Text>
      {near.state.data.items.map((zone) => (
        <ZoneCard key={zone.id} zone={zone} />
      ))}
    </View>
  );
}
