import { View } from '@tarojs/components';
import { useState } from 'react';
import Screen from '../../../components/Screen';
import SignInPrompt from '../../../components/SignInPrompt';
import StatusView from '../../../components/StatusView';
import { restartAt } from '../../../services/router';
import { useAppState } from '../../../store/app-store';
import DeleteSection from './DeleteSection';
import ExportSection from './ExportSection';
import './index.css';

/** 我的数据: export everything held about me, or delete my account. */
export default function MyDataPage() {
  const user = useAppState((s) => s.user);
  const [deleted, setDeleted] = useState(false);

  if (deleted) {
    return (
      <Screen testId="my-data-page">
        <StatusView tone="empty" testId="account-deleted" title="账号已注销" message="您的个人信息已删除，感谢您使用城管进社区" actionText="返回首页" onAction={() => void restartAt('home')} />
      </Screen>
    );
  }
  if (!user) return <Screen><SignInPrompt back="me" /></Screen>;
  return (
    <Screen testId="my-data-page">
      <View className="gap-top" />
      <ExportSection />
      {user.role === 'resident' && <DeleteSection onDeleted={() => setDeleted(true)} />}
    </Screen>
  );
}
