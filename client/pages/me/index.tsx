import { Button as NativeButton, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@citycare/shared';
import { account, clearCache, forgetSession, messageOf, PHASE2_READY, signIn, updateSessionUser } from '../../api';
import Button from '../../components/Button';
import ComingSoon from '../../components/ComingSoon';
import Screen from '../../components/Screen';
import { go } from '../../services/router';
import { appActions, useAppState } from '../../store/app-store';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 我的: who I am, bind my phone (weapp), 长辈模式, my bookings, notices, privacy. */
export default function MePage() {
  const user = useAppState((s) => s.user);
  const elder = useAppState((s) => s.elderMode);
  const [message, setMessage] = useState<string | null>(null);

  const signInHere = async (): Promise<void> => {
    if (!IS_WEAPP) return go('signIn', { back: 'me' });
    try {
      await signIn();
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

  const signOut = async (): Promise<void> => {
    await account.logout().catch(() => undefined); // the token is dropped here either way
    forgetSession();
    clearCache();
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
          <View className="me__row">
            <Text className="me__label">手机号</Text>
            {user.phone ? (
              <Text className="me__value">{user.phone}</Text>
            ) : IS_WEAPP ? (
              <NativeButton className="me__phone-button" openType="getPhoneNumber" onGetPhoneNumber={(e) => void bindPhone((e.detail as { code?: string }).code)}>
                绑定手机号
              </NativeButton>
            ) : (
              <Text className="me__value me__value--muted" data-testid="phone-weapp-only">
                请在微信小程序中绑定手机号
              </Text>
            )}
          </View>
        ) : (
          <Button block testId="me-sign-in" onClick={() => void signInHere()}>
            {IS_WEAPP ? '微信一键登录' : '登录'}
          </Button>
        )}
        {message && <Text className="muted me__message">{message}</Text>}
      </View>

      <View className="section">
        <View className="me__row">
          <View>
            <Text className="me__label">长辈模式</Text>
            <Text className="muted me__block">字更大、对比更强、按钮更好点</Text>
          </View>
          <Switch checked={elder} onChange={(e) => appActions.setElderMode(e.detail.value)} data-testid="elder-mode" />
        </View>
      </View>

      <View className="section">
        <MenuRow label="我的预约" testId="menu-bookings" onClick={() => void go('bookings')} />
        <MenuRow label="社区公告" testId="menu-notices" onClick={() => void go('notices')} />
        <MenuRow label="城管工作站" onClick={() => void go('stations')} />
        <MenuRow label="隐私说明" testId="menu-privacy" onClick={() => void go('privacy')} />
      </View>

      {user && (
        <View className="section">
          {!PHASE2_READY.chooseCommunity && <ComingSoon title="我的社区" message="根据最近的工作站推荐所在社区，社区公告将随之更新" />}
          {!PHASE2_READY.personalData && <ComingSoon title="导出我的数据 · 注销账号" message="可下载我的全部数据（JSON 文件），或注销账号并删除个人信息" />}
          <View className="gap-top">
            <Button kind="plain" block testId="sign-out" onClick={() => void signOut()}>
              退出登录
            </Button>
          </View>
        </View>
      )}
    </Screen>
  );
}

function MenuRow({ label, onClick, testId }: { label: string; onClick: () => void; testId?: string }) {
  return (
    <View className="me__row me__row--menu" hoverClass="me__row--pressed" data-testid={testId} onClick={onClick}>
      <Text className="me__label">{label}</Text>
      <Text className="muted">›</Text>
    </View>
  );
}
