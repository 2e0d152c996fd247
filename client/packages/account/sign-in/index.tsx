import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ROLE_LABELS, ROLES, type DemoUser } from '@citycare/shared';
import { adoptLogin, invalidateAll, messageOf, signIn, signInExchanges, type SignInMethod } from '../../../api';
import Button from '../../../components/Button';
import ListRow from '../../../components/ListRow';
import Screen from '../../../components/Screen';
import Skeleton from '../../../components/Skeleton';
import StatusView from '../../../components/StatusView';
import { useQuery } from '../../../api/hooks';
import { ROUTES, type RouteName } from '../../../routes';
import { useAction } from '../../../hooks/useAction';
import { go, goBack } from '../../../services/router';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function newResidentOpenid(): string {
  return `h5-resident-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Sign in. weapp: WeChat's own login. H5 (the browser preview): 演示登录 — pick a seeded demo
 * resident or staff member (officer, lead, secretary, admin), or start as a new resident — when
 * the server has the demo login on.
 */
export default function SignInPage() {
  const { params } = useRouter();
  const back = params.back && params.back in ROUTES ? (params.back as RouteName) : undefined;
  const demo = useQuery(IS_WEAPP ? null : ['auth', 'demo-users'], () => signInExchanges.demoUsers());

  const finish = async (): Promise<void> => {
    invalidateAll(); // pages left on 登录后查看 (or another account's answers) load again as this account
    if (back && 'tab' in ROUTES[back]) await go(back as 'home');
    else await goBack();
  };

  const { busy, failure, run } = useAction(async (login: () => Promise<unknown>) => {
    await login();
    await finish();
  });

  const as = (method: Exclude<SignInMethod, { kind: 'wechat' }>) => () =>
    run(async () => {
      const login = method.kind === 'demo' ? await signInExchanges.demo(method.openid) : await signInExchanges.wechatCode(`dev:${method.openid}`);
      adoptLogin(login, method);
    });

  if (IS_WEAPP) {
    return (
      <Screen testId="sign-in-page">
        <View className="section gap-top">
          <Button block loading={busy} onClick={() => void run(signIn)}>
            微信一键登录
          </Button>
          {failure && <Text className="message message--error">{failure}</Text>}
        </View>
      </Screen>
    );
  }

  const { state } = demo;
  return (
    <Screen testId="sign-in-page">
      <View className="hero">
        <Text className="hero__title">演示登录</Text>
        <Text className="hero__subtitle">浏览器预览版：选择一位演示居民或工作人员，或以新居民身份体验</Text>
      </View>
      <View className="section hero__overlap">
        {state.status === 'loading' ? (
          <Skeleton count={1} />
        ) : state.status === 'error' ? (
          <StatusView tone="error" title="演示登录未开启" message={`${messageOf(state.error)}。请在微信小程序中使用，或以 DEV_LOGIN=1 启动服务`} />
        ) : (
          <DemoUsers users={state.data.items} busy={busy} onPick={(openid) => void as({ kind: 'demo', openid })()} />
        )}
        <View className="gap-top">
          <Button kind="secondary" block disabled={busy} testId="sign-in-new" onClick={() => void as({ kind: 'new-resident', openid: newResidentOpenid() })()}>
            以新居民身份体验
          </Button>
        </View>
        {failure && (
          <Text className="message message--error" data-testid="sign-in-error">
            {failure}
          </Text>
        )}
      </View>
    </Screen>
  );
}

function DemoUsers({ users, busy, onPick }: { users: DemoUser[]; busy: boolean; onPick: (openid: string) => void }) {
  // Residents first, then the staff roles (工作台 under 我的), in the table's order.
  const ordered = [...users].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  return (
    <View data-testid="demo-users">
      {ordered.map((u) => (
        <ListRow
          key={u.openid}
          title={u.name}
          note={u.role === 'resident' ? (u.community ?? '未选择社区') : `${ROLE_LABELS[u.role]}${u.community ? ` · ${u.community}` : ''}`}
          arrow
          testId="demo-user"
          onClick={() => !busy && onPick(u.openid)}
        />
      ))}
    </View>
  );
}
