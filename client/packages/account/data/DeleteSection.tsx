import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { account } from '../../../api';
import Button from '../../../components/Button';
import Sheet from '../../../components/Sheet';
import { forgetDeletedAccount } from '../../../features/account/leave';
import { useAction } from '../../../hooks/useAction';

const CONSEQUENCES = [
  '您的姓名、手机号、所选社区和登录记录将被删除，所有设备退出登录',
  '您上传的照片将被删除',
  '您反映过的问题匿名保留用于统计，不再与您关联，描述和照片删除',
  '尚未开始的预约将被取消，关注的问题不再通知您',
  '注销后无法恢复；如需保留记录，请先导出我的数据',
];

/** 注销账号: says exactly what happens, asks once more, then signs this phone out. */
export default function DeleteSection({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const erase = useAction(async () => {
    await account.deleteAccount();
    setConfirming(false);
    onDeleted();
    forgetDeletedAccount();
  });

  return (
    <View className="section" data-testid="delete-section">
      <Text className="section__title">注销账号</Text>
      <Text className="muted my-data__text">删除您的账号和个人信息。工作人员账号请联系管理员注销。</Text>
      <Button block kind="danger" testId="delete-account" onClick={() => setConfirming(true)}>
        注销账号
      </Button>
      <Sheet open={confirming} title="确认注销账号？" onClose={() => !erase.busy && setConfirming(false)} testId="delete-sheet">
        {CONSEQUENCES.map((line) => (
          <Text key={line} className="my-data__consequence">
            {`· ${line}`}
          </Text>
        ))}
        {erase.failure && <Text className="message message--error">{erase.failure}</Text>}
        <View className="gap-top">
          <Button block kind="danger" loading={erase.busy} testId="delete-confirm" onClick={() => void erase.run()}>
            确认注销，删除我的数据
          </Button>
        </View>
        <View className="gap-top">
          <Button block kind="plain" disabled={erase.busy} onClick={() => setConfirming(false)}>
            再想想
          </Button>
        </View>
      </Sheet>
    </View>
  );
}
