import { Button as NativeButton, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@citycare/shared';
import { account, invalidateAll, messageOf, signIn, updateSessionUser } from '../../api';
import Button from '../../components/Button';
import ListRow from '../../components/ListRow';
import StaffEntries from './StaffEntries';
import Screen from '../../components/Screen';
import { signOut } from '../../features/account/leave';
import { go } from '../../services/router';
import { appActions, useAppState } from '../../store/app-store';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 我的: who I am, bind my phone (weapp), my community, 长辈模式, my bookings, notices, privacy, my data. */
export default function MePage() {
  const user = useAppState((s) => s.user);
  const elder = useAppState((s) => s.elderMode);
  const [message, setMessage] = useState<string | null>(null);
  const resident = user?.role === 'resident';

  const signInHere = async (): Promise<void> => {
    if (!IS_WEAPP) return go('signIn', { back: 'me' });
    try {
      await signIn();
      invalidateAll(); // as the sign-in page does: open pages load again as this account
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  const bindPhone = async (code: string | undefined): Promise<void> => {
    if (!code) return setMessage('未获得手机号授权');
    try {
      updateSessionUser(await account.bindPhone(code));
      setMessage('手机号已绑定');
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  return (
    <Screen tab testId="me-page">
      <View className="hero">
        <Text className="hero__title" data-testid="me-name">
          {user ? user.name : '未登录'}
        </Text>
        <Text className="hero__subtitle">
          {user ? `${ROLE_LABELS[user.role]}${user.community ? ` · ${user.community}` : ''}` : '登录后可随手拍、预约开放日、查看社区公告'}
        </Text>
      </View>
      <View className="section hero__overlap">
        {user ? (
          <ListRow title="手机号">
            {user.phone ? (
              <Text className="me__value">{user.phone}</Text>
            ) : IS_WEAPP ? (
              <NativeButton className="me__phone-button" openType="getPhoneNumber" onGetPhoneNumber={(e) => void bindPhone((e.detail as { code?: string }).code)}>
                绑定手机号
              </NativeButton>
            ) : (
              <Text className="muted" data-testid="phone-weapp-only">
                请在微信小程序中绑定手机号
              </Text>
            )}
          </ListRow>
        ) : (
          <Button block testId="me-sign-in" onClick={() => void signInHere()}>
            {IS_WEAPP ? '微信一键登录' : '登录'}
          </Button>
        )}
        {resident && (
          <ListRow title="我的社区" note="社区公告按所选社区推送" arrow testId="menu-community" onClick={() => void go('community')}>
            <Text className={user.community ? 'me__value' : 'muted'} data-testid="me-community">
              {user.community ?? '未选择'}
            </Text>
          </ListRow>
        )}
        {message && <Text className="muted me__message">{message}</Text>}
      </View>

      {user && <StaffEntries role={user.role} />}

      <View className="section">
        <ListRow title="长辈模式" note="字更大、对比更强、按钮更好点">
          <Switch checked={elder} onChange={(e) => appActions.setElderMode(e.detail.value)} data-testid="elder-mode" />
        </ListRow>
      </View>

      <View className="section">
        <ListRow title="我的预约" arrow testId="menu-bookings" onClick={() => void go('bookings')} />
        <ListRow title="社区公告" arrow testId="menu-notices" onClick={() => void go('notices')} />
        <ListRow title="城管工作站" arrow onClick={() => void go('stations')} />
        {user?.role === 'admin' && <ListRow title="管理后台" note="城管局：工作站、人员、类型、热线导入、统计" arrow testId="menu-admin" onClick={() => void go('adminStations')} />}
        <ListRow title="隐私说明" arrow testId="menu-privacy" onClick={() => void go('privacy')} />
        {user && <ListRow title="我的数据" note="导出数据 · 注销账号" arrow testId="menu-my-data" onClick={() => void go('myData')} />}
      </View>

      {user && (
        <View className="section">
          <Button kind="plain" block testId="sign-out" onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      )}
    </Screen>
  );
}
