import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MyDataExport } from '@citycare/shared';
import { account, messageOf } from '../../../api';
import Button from '../../../components/Button';
import InfoRow from '../../../components/InfoRow';
import { canShareFiles, saveTextFile, shareSavedFile, type SavedFile } from '../../../services/files';

/** The file's name, as the server's Content-Disposition names it. */
export const exportFileName = (data: MyDataExport): string => `citycare-my-data-${data.exportedAt.slice(0, 10)}.json`;

/** 导出我的数据: everything the service holds about me as a JSON file (a download on H5; saved, then sent to a chat, on weapp). */
export default function ExportSection() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ data: MyDataExport; file: SavedFile } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const data = await account.exportMyData();
      const file = await saveTextFile(exportFileName(data), JSON.stringify(data, null, 2), 'application/json');
      setDone({ data, file });
    } catch (error) {
      setFailure(error instanceof Error && !('code' in error) ? error.message : messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const share = (): void => {
    if (done) shareSavedFile(done.file).catch(() => setFailure('未能发送，请重试'));
  };

  return (
    <View className="section" data-testid="export-section">
      <Text className="section__title">导出我的数据</Text>
      <Text className="muted my-data__text">
        我们保存的关于您的全部信息：账号资料、我报的和关注的问题（含处理进度）、预约、评价、公告阅读记录、上传的照片（链接 1 小时内有效）和登录记录，保存为一个 JSON 文件。
      </Text>
      <Button block kind="secondary" loading={busy} testId="export-data" onClick={() => void run()}>
        导出为 JSON 文件
      </Button>
      {done && (
        <View data-testid="export-done">
          <Text className="message message--done">{canShareFiles ? '已保存到小程序的文件中' : `已下载 ${done.file.name}`}</Text>
          <InfoRow label="文件" value={done.file.name} />
          <InfoRow label="内容" value={`报事 ${done.data.cases.length} 件 · 关注 ${done.data.following.length} 件 · 预约 ${done.data.bookings.length} 个 · 照片 ${done.data.photos.length} 张`} />
          {canShareFiles && (
            <View className="gap-top">
              <Button block testId="export-share" onClick={share}>
                发送到聊天（可存到手机）
              </Button>
            </View>
          )}
        </View>
      )}
      {failure && <Text className="message message--error">{failure}</Text>}
    </View>
  );
}
