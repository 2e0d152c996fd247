import { Text, View } from '@tarojs/components';
import { cases, queryKeys, useQuery } from '../../api';
import CaseCard from '../../components/CaseCard';
import { useRefreshOnShow } from '../../hooks/useRefreshOnShow';
import { awaitsRating } from '../../features/cases/status';

/** My resolved cases that wait for my rating (from my latest cases). */
export default function AwaitingRating() {
  const mine = useQuery(queryKeys.cases.mine(), () => cases.mine(undefined, 20));
  useRefreshOnShow(mine.refresh);
  if (mine.state.status !== 'success') return null;
  const waiting = mine.state.data.items.filter(awaitsRating);
  if (waiting.length === 0) return null;
  return (
    <View data-testid="awaiting-rating">
      <View className="home__heading">
        <Text className="section__title">待评价的报事</Text>
      </View>
      {waiting.slice(0, 3).map((item) => (
        <CaseCard key={item.id} item={item} />
      ))}
    </View>
  );
}
