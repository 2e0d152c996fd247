import type { PropsWithChildren } from 'react';
import { ROLE_LABELS, type Role } from '@citycare/shared';
import type { RouteName } from '../../routes';
import { go } from '../../services/router';
import { useAppState } from '../../store/app-store';
import SignInPrompt from '../SignInPrompt';
import StatusView from '../StatusView';

interface Props {
  /** The roles this page is for (from the session's user). */
  roles: readonly Role[];
  /** Where sign-in returns to. */
  back?: RouteName;
}

/**
 * A staff or admin page's guard: its children only for the roles given. Signed out → sign in;
 * another role (a resident who typed the path) → a polite refusal, never a crash. The server
 * refuses such callers anyway; this only spares them a page of errors.
 */
export default function RoleGate({ roles, back, children }: PropsWithChildren<Props>) {
  const user = useAppState((s) => s.user);
  if (!user) return <SignInPrompt back={back} message="此页面需要登录后使用" />;
  if (!roles.includes(user.role)) {
    return (
      <StatusView
        tone="empty"
        testId="role-refused"
        title="此页面仅供工作人员使用"
        message={`本页面面向${roles.map((r) => ROLE_LABELS[r]).join('、')}。您当前的身份是${ROLE_LABELS[user.role]}，如需开通请联系城管局。`}
        actionText="返回首页"
        onAction={() => void go('home')}
      />
    );
  }
  return <>{children}</>;
}
