import { go } from '../../services/router';
import type { RouteName } from '../../routes';
import StatusView from '../StatusView';

/** Shown where a page needs a signed-in resident (H5 without a chosen demo identity). */
export default function SignInPrompt({ back, message }: { back?: RouteName; message?: string }) {
  return (
    <StatusView
      tone="empty"
      testId="sign-in-prompt"
      title="登录后查看"
      message={message ?? '登录后可随手拍、查看我的报事、预约开放日和阅读社区公告'}
      actionText="去登录"
      onAction={() => void go('signIn', { back })}
    />
  );
}
