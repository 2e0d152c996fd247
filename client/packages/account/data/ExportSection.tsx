import { Text, View } from '@tarojs/components';
import { myDataFileName } from '@citycare/shared';
import { account } from '../../../api';
import Button from '../../../components/Button';
import InfoRow from '../../../components/InfoRow';
import { useFileExport } from '../../../hooks/useFileExport';

/** 导出我的数据: everything the service holds about me as a JSON file (a download on H5; saved, then sent to a chat, on weapp). */
export default function ExportSection() {
  const exported = useFileExport(async () => {
    const data = await account.exportMyData();
    return { name: myDataFileName(data.exportedAt), text: JSON.stringify(data, null, 2), mime: 'application/json', about: data };
  });
  const { saved, canShare } = exported;

  return (
    <View className="section" data-testid="export-section">
      <Text className="section__title">导出我的数据</Text>
      <Text className="muted my-data__text">
        我们保存的关于您的全部信息：账号资料、我报的和关注的问题（含处理进度）、预约、评价、公告阅读记录、上传的照片（链接 1 小时内有效）和登录记录，保存为一个 JSON 文件。
      </Text>
      <Button block kind="secondary" loading={exported.saving} testId="export-data" onClick={() => void exported.save()}>
        导出为 JSON 文件
      </Button>
      {saved && (
        <View data-testid="export-done">
          <Text className="message message--done">{canShare ? '已保存到小程序的文件中' : `已下载 ${saved.file.name}`}</Text>
          <InfoRow label="文件" value={saved.file.name} />
          <InfoRow label="内容" value={`报事 ${saved.about.cases.length} 件 · 关注 ${saved.about.following.length} 件 · 预约 ${saved.about.bookings.length} 个 · 照片 ${saved.about.photos.length} 张`} />
          {canShare && (
            <View className="gap-top">
              <Button block loading={exported.sharing} testId="export-share" onClick={() => void exported.share()}>
                发送到聊天（可存到手机）
              </Button>
            </View>
          )}
        </View>
      )}
      {exported.failure && <Text className="message message--error">{exported.failure}</Text>}
    </View>
  );
}
