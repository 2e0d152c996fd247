import { Text, View } from '@tarojs/components';
import { notices, queryKeys, useQuery } from '../../api';
import NoticeRow from '../../components/NoticeRow';
import { go } from '../../services/router';

/** My community's (and city-wide) latest notices. */
export default function LatestNotices() {
  const latest = useQuery(queryKeys.notices.list(), () => notices.list(undefined, 20));
  if (latest.state.status !== 'success' || latest.state.data.items.length === 0) return null;
  return (
    <View className="section" data-testid="latest-notices">
      <View className="section__head">
        <Text className="section__title">社区公告</Text>
        <Text className="section__more" onClick={() => void go('notices')}>
          全部 ›
        </Text>
      </View>
      {latest.state.data.items.slice(0, 3).map((notice) => (
        <NoticeRow key={notice.id} notice={notice} />
      ))}
    </View>
  );
}
