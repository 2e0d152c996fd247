import { messageOf } from '../../api/error';
import { needsSignIn } from '../../api/hooks';
import type { RouteName } from '../../routes';
import SignInPrompt from '../SignInPrompt';
import Skeleton from '../Skeleton';
import StatusView from '../StatusView';

export interface NotFound {
  title: string;
  message: string;
  actionText?: string;
  onAction?: () => void;
  testId?: string;
}

interface Props {
  /** A read that has no data yet: still loading, or failed (its `error`). */
  state: { status: string; error?: unknown };
  onRetry: () => void;
  /** Offer sign-in (returning to this route) when the failure means "sign in first". */
  signInBack?: RouteName;
  /** Said when what was asked for does not exist (404), or when `missing` is set. */
  notFound?: NotFound;
  /** The page was opened without what it needs (e.g. no id): show notFound at once. */
  missing?: boolean;
  skeleton?: number;
}

/** What a page or section shows until its read has data: a skeleton, sign-in, not found, or the error with 重试. */
export default function QueryStatus({ state, onRetry, signInBack, notFound, missing, skeleton }: Props) {
  const failed = state.status === 'error' ? state.error : undefined;
  if (notFound && (missing || (failed as { isNotFound?: boolean } | undefined)?.isNotFound)) return <StatusView tone="empty" {...notFound} />;
  if (state.status !== 'error') return <Skeleton count={skeleton} />;
  if (signInBack && needsSignIn(failed)) return <SignInPrompt back={signInBack} />;
  return <StatusView tone="error" title="加载失败" message={messageOf(failed)} actionText="重试" onAction={onRetry} />;
}
