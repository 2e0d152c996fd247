import { useState } from 'react';
import { invalidate, queryKeys } from '../../../api';
import { staffEvents } from '../../../api/staff';
import SubmitButton from '../../../components/SubmitButton';
import Field from '../../../components/Field';
import Sheet from '../../../components/Sheet';
import { parseCapacity } from '../../../features/staff/session-form';
import { useAction } from '../../../hooks/useAction';

/**
 * 修改名额: a lead raises or lowers a session's seats. Nobody is moved out: the server refuses
 * a number below the seats booked or a waiting party's size, and says so; a raise seats the
 * waitlist in order at once.
 */
export default function CapacitySheet({ sessionId, capacity, onClose }: { sessionId: string; capacity: number; onClose: () => void }) {
  const [text, setText] = useState(String(capacity));
  const save = useAction(async () => {
    const parsed = parseCapacity(text);
    if ('problem' in parsed) throw new Error(parsed.problem);
    if (parsed.capacity !== capacity) await staffEvents.updateSession(sessionId, { capacity: parsed.capacity });
    invalidate(queryKeys.staff.all());
    invalidate(queryKeys.events.all());
    onClose();
  });
  return (
    <Sheet open title="修改名额" onClose={onClose} dirty={text !== String(capacity)} testId="capacity-sheet">
      <Field label="名额（人）" value={text} onChange={setText} testId="capacity-input" />
      <SubmitButton action={save} testId="capacity-save" messageTestId="capacity-message">
        保存名额
      </SubmitButton>
    </Sheet>
  );
}
