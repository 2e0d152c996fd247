import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MyDataExport } from '@citycare/shared';
import { account } from '../../../api';
import Button from '../../../components/Button';
import InfoRow from '../../../components/InfoRow';
import { useAction } from '../../../hooks/useAction';
import { canShareFiles, saveTextFile, shareSavedFile, type SavedFile } from '../../../services/files';

/** The file's name, as the server's Content-Disposition names it. */
export const exportFileName = (data: MyDataExport): string => `citycare-my-data-${data.exportedAt.slice(0, 10)}.json`;

/** 导出我的数据: everything the service holds about me as a JSON file (a download on H5; saved, then sent to a chat, on weapp). */
export default function ExportSection() {
  const [done, setDone] = useState<{ data: MyDataExport; file: SavedFile } | null>(null);
  const exporting = useAction(async () => {
    const data = await account.exportMyData();
    const file = await saveTextFile(exportFileName(data), JSON.stringify(data, null, 2), 'application/json');
    setDone({ data, file });
  });
  // WeChat sends a file to a chat only from a tap, so this is a second tap once the file is saved.
  const sharing = useAction(async (file: SavedFile) => shareSavedFile(file));

  return (
    <View className="section" data-testid="export-section">
      <Text className="section__title">导出我的数据</Text>
      <Text className="muted my-data__text">
        我们保存的关于您的全部信息：账号资料、我报的和关注的问题（含处理进度）、预约、评价、公告阅读记录、上传的照片（链接 1 小时内有效）和登录记录，保存为一个 JSON 文件。
      </Text>
      <Button block kind="secondary" loading={exporting.busy} testId="export-data" onClick={() => void exporting.run()}>
        导出为 JSON 文件
      </Button>
      {done && (
        <View data-testid="export-done">
          <Text className="message message--done">{canShareFiles ? '已保存到小程序的文件中' : `已下载 ${done.file.name}`}</Text>
          <InfoRow label="文件" value={done.file.name} />
          <InfoRow label="内容" value={`报事 ${done.data.cases.length} 件 · 关注 ${done.data.following.length} 件 · 预约 ${done.data.bookings.length} 个 · 照片 ${done.data.photos.length} 张`} />
          {canShareFiles && (
            <View className="gap-top">
              <Button block loading={sharing.busy} testId="export-share" onClick={() => void sharing.run(done.file)}>
                发送到聊天（可存到手机）
              </Button>
            </View>
          )}
        </View>
      )}
      {(exporting.failure || sharing.failure) && <Text className="message message--error">{exporting.failure ?? sharing.failure}</Text>}
    </View>
  );
}
