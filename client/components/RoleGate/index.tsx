import type { PropsWithChildren } from 'react';
import { ROLE_LABELS, type Role } from '@citycare/shared';
import { go } from '../../services/router';
import { useAppState } from '../../store/app-store';
import Screen from '../Screen';
import SignInPrompt from '../SignInPrompt';
import StatusView from '../StatusView';

interface Props {
  /** Who may use what is inside. */
  roles: readonly Role[];
}

/**
 * A staff page's door: its content for the roles named, a polite refusal for anyone else (a
 * resident who typed the page's path), sign-in for nobody. The server refuses the data anyway;
 * this only spares the wrong person a page of errors. The content mounts only when allowed, so
 * it sends no request otherwise.
 */
export default function RoleGate({ roles, children }: PropsWithChildren<Props>) {
  const role = useAppState((s) => s.role);
  if (role && roles.includes(role)) return <>{children}</>;
  return (
    <Screen testId="role-gate">
      {role ? (
        <StatusView
          tone="empty"
          testId="role-refused"
          title="此页面仅供工作人员使用"
          message={`当前账号为${ROLE_LABELS[role]}，没有使用此页面的权限。如需开通，请联系所在工作站或城管局。`}
          actionText="返回首页"
          onAction={() => void go('home')}
        />
      ) : (
        <SignInPrompt message="此页面供城管工作人员和社区书记使用，请先登录" />
      )}
    </Screen>
  );
}
