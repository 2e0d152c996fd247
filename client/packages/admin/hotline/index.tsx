import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { HotlineImportReport, HotlineImportResult } from '@citycare/shared';
import { admin } from '../../../api';
import Button from '../../../components/Button';
import { rejectedRowsCsv } from '../../../features/admin/hotline-report';
import { useAction } from '../../../hooks/useAction';
import { saveTextFile } from '../../../services/files';
import AdminFrame, { Cell, Panel, Row, Table } from '../AdminFrame';
import CsvPicker from './CsvPicker';

const RESULT_LABELS: Record<HotlineImportResult, string> = { imported: '已导入', duplicate: '重复', rejected: '未导入' };

/** 12345 hotline import: upload the CSV, the per-row report, and the rejected rows to fix. */
export default function AdminHotlinePage() {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<HotlineImportReport | null>(null);
  const upload = useAction(async () => {
    if (!file) throw new Error('请先选择 CSV 文件');
    setReport(await admin.importHotline(file.text));
  });
  const download = () => {
    if (file && report) void saveTextFile(`rejected-${file.name}`, rejectedRowsCsv(file.text, report), 'text/csv');
  };
  return (
    <AdminFrame section="adminHotline" title="12345 热线工单导入">
      <Panel title="上传 CSV" note="UTF-8，首行为列名：hotlineId,category,text,address[,lat,lng,coordSystem,callerPhone,stationId]；最多 1000 行">
        <CsvPicker
          onPicked={(name, text) => {
            setFile({ name, text });
            setReport(null);
          }}
        />
        {file && <Text className="admin-message" data-testid="hotline-chosen">已选择 {file.name}</Text>}
        <View className="admin-actions">
          <Button loading={upload.busy} disabled={!file} testId="hotline-upload" onClick={() => void upload.run()}>
            开始导入
          </Button>
        </View>
        {upload.failure && <Text className="admin-message admin-message--error" data-testid="hotline-error">{upload.failure}</Text>}
      </Panel>
      {report && (
        <Panel title="导入结果" note={`已导入 ${report.imported} · 重复 ${report.duplicates} · 未导入 ${report.rejected}`} testId="hotline-report">
          <Text className="admin-message" data-testid="hotline-summary">
            已导入 {report.imported} 条，重复 {report.duplicates} 条，未导入 {report.rejected} 条
          </Text>
          <Table columns="minmax(0,1fr) minmax(0,2fr) minmax(0,1.2fr) minmax(0,5fr)" head={['行号', '工单编号', '结果', '原因']} testId="hotline-rows">
            {report.rows.map((r) => (
              <Row key={r.row} testId={`hotline-row-${r.result}`}>
                <Cell>{r.row}</Cell>
                <Cell>{r.hotlineId ?? '—'}</Cell>
                <Cell>{r.result === 'rejected' ? <Text className="admin-tag">{RESULT_LABELS[r.result]}</Text> : RESULT_LABELS[r.result]}</Cell>
                <Cell>
                  <Text data-testid="hotline-reason">{r.reason ?? ''}</Text>
                </Cell>
              </Row>
            ))}
          </Table>
          {report.rejected > 0 && (
            <View className="admin-actions">
              <Button kind="secondary" size="sm" testId="hotline-download-rejected" onClick={download}>
                下载未导入的行（CSV）
              </Button>
            </View>
          )}
        </Panel>
      )}
    </AdminFrame>
  );
}
