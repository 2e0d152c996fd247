import { Text, View } from '@tarojs/components';
import Button from '../../components/Button';
import { useFileExport, type FileExport } from '../../hooks/useFileExport';

// 导出 CSV on staff pages (巡查台账, 签到名单): the export flow of hooks/useFileExport, with a
// button for a section's title row and the result below the section.

/** Saves the CSV `load` answers as `fileName`, then offers to send it on. */
export function useCsvExport(fileName: string, load: () => Promise<string>): CsvExport {
  return useFileExport(async () => ({ name: fileName, text: await load(), mime: 'text/csv', about: undefined }));
}

export type CsvExport = FileExport;

/** The 导出 CSV button, for a section's title row. */
export function CsvExportButton({ csv, testId }: { csv: CsvExport; testId: string }) {
  return (
    <Button kind="secondary" size="sm" loading={csv.saving} testId={testId} onClick={() => void csv.save()}>
      导出 CSV
    </Button>
  );
}

/** What came of the export: saved (and 发送到聊天 on weapp), downloaded, or why it failed. */
export function CsvExportResult({ csv, testId }: { csv: CsvExport; testId: string }) {
  const { saved, canShare } = csv;
  return (
    <View data-testid={testId}>
      {saved && (
        <>
          <Text className="message message--done block">{canShare ? `已保存 ${saved.file.name}` : `已下载 ${saved.file.name}`}</Text>
          {canShare && (
            <Button block loading={csv.sharing} testId={`${testId}-share`} onClick={() => void csv.share()}>
              发送到聊天（可存到手机）
            </Button>
          )}
        </>
      )}
      {csv.failure && <Text className="message message--error block">{csv.failure}</Text>}
    </View>
  );
}
