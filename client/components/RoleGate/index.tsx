import type { PropsWithChildren } from 'react';
import { ROLE_LABELS, type Role } from '@citycare/shared';
import type { RouteName } from '../../routes';
import { go } from '../../services/router';
import { useAppState } from '../../store/app-store';
import Screen from '../Screen';
import SignInPrompt from '../SignInPrompt';
import StatusView from '../StatusView';

interface Props {
  /** Who may use what is inside (the session's role). */
  roles: readonly Role[];
  /** Where sign-in returns to. */
  back?: RouteName;
}

/**
 * A staff or admin page's door: its content for the roles named, a polite refusal for anyone
 * else (a resident who typed the page's path), sign-in for nobody. The server refuses the data
 * anyway; this only spares the wrong person a page of errors. The content mounts only when
 * allowed, so it sends no request otherwise.
 */
export default function RoleGate({ roles, back, children }: PropsWithChildren<Props>) {
  const role = useAppState((s) => s.role);
  if (role && roles.includes(role)) return <>{children}</>;
  return (
    <Screen testId="role-gate">
      {role ? (
        <StatusView
          tone="empty"
          testId="role-refused"
          title="此页面仅供工作人员使用"
          message={`本页面面向${roles.map((r) => ROLE_LABELS[r]).join('、')}。当前账号为${ROLE_LABELS[role]}，如需开通，请联系所在工作站或城管局。`}
          actionText="返回首页"
          onAction={() => void go('home')}
        />
      ) : (
        <SignInPrompt back={back} message="此页面供城管工作人员、社区书记和城管局使用，请先登录" />
      )}
    </Screen>
  );
}
