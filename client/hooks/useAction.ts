import { useState } from 'react';
import { failureMessage } from '../api';
import { isCancelled } from '../services/wechat-failure';

/**
 * A write the resident starts with a tap (rate, book, follow, delete…): `busy` while it runs
 * (for the button's loading state), and why it failed, in words, until the next try.
 * `run` resolves true when the action went through.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (...args: A): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await action(...args);
      return true;
    } catch (error) {
      // Closing one of WeChat's sheets (a picker, the scanner) on the way is a change of mind, not a failure.
      if (!isCancelled(error)) setFailure(failureMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, failure };
}
