import { Text, View } from '@tarojs/components';
import { messageOf, queryKeys, stations, useQuery } from '../../../api';
import FigureGrid, { FigureCell } from '../../../components/FigureGrid';
import { stationRecord, type StationRecord } from '../../../features/stations/record';

/** 近 30 天办理情况: what the station did with residents' reports lately (the bureau's promise, kept in view), up to yesterday. */
export default function StationRecordCard({ stationId }: { stationId: string }) {
  const query = useQuery(queryKeys.stations.record(stationId), () => stations.record(stationId));
  const { state } = query;
  const record = state.status === 'success' ? stationRecord(state.data) : null;
  return (
    <View className="section" data-testid="station-record">
      <View className="section__head">
        <Text className="section__title">近 30 天办理情况</Text>
        {record && <Text className="muted">{record.period}</Text>}
      </View>
      {record ? (
        <Record record={record} />
      ) : (
        <Text className="muted gap-top block" onClick={state.status === 'error' ? () => void query.refresh() : undefined}>
          {state.status === 'error' ? `${messageOf(state.error)}（点击重试）` : '加载中…'}
        </Text>
      )}
    </View>
  );
}

function Record({ record }: { record: StationRecord }) {
  return (
    <>
      <Text className="muted gap-top block" data-testid="station-record-summary">
        {record.summary}
      </Text>
      {record.tiles.length > 0 && (
        <FigureGrid>
          {record.tiles.map((tile) => (
            <FigureCell key={tile.label} label={tile.label} value={tile.value} testId="station-record-tile" />
          ))}
        </FigureGrid>
      )}
      {record.note && <Text className="muted block">{record.note}</Text>}
    </>
  );
}
