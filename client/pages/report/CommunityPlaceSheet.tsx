import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { StationSummary } from '@citycare/shared';
import { queryKeys, stations, useQuery } from '../../api';
import Field from '../../components/Field';
import ListRow from '../../components/ListRow';
import QueryStatus from '../../components/QueryStatus';
import Sheet from '../../components/Sheet';
import { searchStations } from '../../hooks/useStationDirectory';

interface Props {
  open: boolean;
  onClose: () => void;
  onPick: (station: StationSummary) => void;
}

/**
 * 按社区选择位置: where there is no map to move a pin on (H5) and no position, the resident picks
 * the community; the report is placed at its station and the typed address says exactly where.
 */
export default function CommunityPlaceSheet({ open, onClose, onPick }: Props) {
  const [search, setSearch] = useState('');
  const list = useQuery(open ? queryKeys.stations.list() : null, () => stations.list());
  const { state } = list;
  const found = state.status === 'success' ? searchStations(state.data.items, search) : [];
  return (
    <Sheet open={open} title="选择问题所在的社区" onClose={onClose} testId="community-place-sheet">
      <Text className="muted block">问题位置将记为该社区工作站，请在详细地址中写清具体位置</Text>
      <Field label="搜索" value={search} onChange={setSearch} placeholder="社区或工作站名称" testId="community-place-search" />
      {state.status === 'success' ? (
        <View>
          {found.map((s) => (
            <ListRow key={s.id} title={s.community} note={s.name} testId="community-place-option" onClick={() => onPick(s)} />
          ))}
          {found.length === 0 && <Text className="muted block gap-top">没有找到，请换个名称</Text>}
        </View>
      ) : (
        <QueryStatus state={state} onRetry={() => void list.refresh()} skeleton={2} />
      )}
    </Sheet>
  );
}
