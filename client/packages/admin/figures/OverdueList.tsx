import { Text } from '@tarojs/components';
import { CASE_SOURCE_LABELS, CASE_STATUS_LABELS, type CaseSource, type CaseStatus } from '@citycare/shared';
import { admin, queryKeys, useQuery } from '../../../api';
import QueryStatus from '../../../components/QueryStatus';
import { Cell, Panel, Row, Table } from '../AdminFrame';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);

/** A station's open cases past their deadline, most overdue first. */
export default function OverdueList({ stationId, stationName }: { stationId: string; stationName: string }) {
  const list = useQuery(queryKeys.admin.overdue(stationId), () => admin.overdue(stationId));
  return (
    <Panel title={`超期案件：${stationName}`} note="未办结且已过受理或办结时限" testId="overdue-list">
      {list.state.status !== 'success' ? (
        <QueryStatus state={list.state} onRetry={() => void list.refresh()} skeleton={2} />
      ) : (
        <Table columns="minmax(0,2fr) minmax(0,1fr) minmax(0,1fr) minmax(0,3fr) minmax(0,2fr) minmax(0,2fr)" head={['类型', '状态', '来源', '地址', '上报时间', '时限']}>
          {list.state.data.items.map((c) => (
            <Row key={c.id} testId="overdue-row">
              <Cell>{c.categoryName}</Cell>
              <Cell>{CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status}</Cell>
              <Cell>{CASE_SOURCE_LABELS[c.source as CaseSource] ?? c.source}</Cell>
              <Cell>{c.address}</Cell>
              <Cell>{when(c.createdAt)}</Cell>
              <Cell>
                <Text className="admin-tag">{when(c.dueAt)}</Text>
              </Cell>
            </Row>
          ))}
        </Table>
      )}
    </Panel>
  );
}
