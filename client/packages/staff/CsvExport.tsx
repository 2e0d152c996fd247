import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '../../components/Button';
import { useAction } from '../../hooks/useAction';
import { canShareFiles, saveTextFile, shareSavedFile, type SavedFile } from '../../services/files';

// 导出 CSV on staff pages (巡查台账, 签到名单), the flow of 导出我的数据
// (client/packages/account/data/ExportSection.tsx): H5 downloads the file; weapp saves it in
// the mini-program's folder, where nobody sees it, so a second tap sends it to a chat.

/** Saves the CSV `load` answers as `fileName`, then offers to send it on. */
export function useCsvExport(fileName: string, load: () => Promise<string>) {
  const [file, setFile] = useState<SavedFile | null>(null);
  const saving = useAction(async () => {
    setFile(null);
    setFile(await saveTextFile(fileName, await load(), 'text/csv'));
  });
  // WeChat sends a file to a chat only from a tap, so this is its own button.
  const sharing = useAction(async (saved: SavedFile) => shareSavedFile(saved));
  return { file, saving, sharing };
}

export type CsvExport = ReturnType<typeof useCsvExport>;

/** The 导出 CSV button, for a section's title row. */
export function CsvExportButton({ csv, testId }: { csv: CsvExport; testId: string }) {
  return (
    <Button kind="secondary" size="sm" loading={csv.saving.busy} testId={testId} onClick={() => void csv.saving.run()}>
      导出 CSV
    </Button>
  );
}

/** What came of the export: saved (and 发送到聊天 on weapp), downloaded, or why it failed. */
export function CsvExportResult({ csv, testId }: { csv: CsvExport; testId: string }) {
  const { file, saving, sharing } = csv;
  const failure = saving.failure ?? sharing.failure;
  return (
    <View data-testid={testId}>
      {file && !saving.busy && (
        <>
          <Text className="message message--done block">{canShareFiles ? `已保存 ${file.name}` : `已下载 ${file.name}`}</Text>
          {canShareFiles && (
            <Button block loading={sharing.busy} testId={`${testId}-share`} onClick={() => void sharing.run(file)}>
              发送到聊天（可存到手机）
            </Button>
          )}
        </>
      )}
      {failure && <Text className="message message--error block">{failure}</Text>}
    </View>
  );
}
