import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import Button from '../Button';

/** What a form's submit needs from useAction (hooks/useAction.ts). */
interface Action {
  run: () => Promise<boolean>;
  busy: boolean;
  failure: string | null;
}

/** A form's full-width submit, busy while `action` runs, with why it failed in words beneath. */
export default function SubmitButton({ action, testId, messageTestId, children }: PropsWithChildren<{ action: Action; testId: string; messageTestId: string }>) {
  return (
    <>
      <Button block loading={action.busy} testId={testId} onClick={() => void action.run()}>
        {children}
      </Button>
      {action.failure && (
        <Text className="message message--error" data-testid={messageTestId}>
          {action.failure}
        </Text>
      )}
    </>
  );
}
