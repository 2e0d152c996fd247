import { useMemo, useState } from 'react';
import { invalidate, queryKeys, useRequestKey } from '../../../api';
import { staffEvents } from '../../../api/staff';
import SubmitButton from '../../../components/SubmitButton';
import Field from '../../../components/Field';
import Sheet from '../../../components/Sheet';
import { sessionBody, type SessionForm as Form } from '../../../features/staff/session-form';
import { useAction } from '../../../hooks/useAction';

const pad = (n: number) => String(n).padStart(2, '0');

/** Tomorrow's date in China time, as the form's starting value. */
function tomorrow(): string {
  const d = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Add a session (time slot) with its capacity to an event. */
export default function SessionForm({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const [form, setForm] = useState<Form>({ date: tomorrow(), start: '14:00', end: '16:00', capacity: '20', cutoffHours: '24' });
  const set = (patch: Partial<Form>) => setForm((prev) => ({ ...prev, ...patch }));

  // One moment per form as filled in for its defaults (the cut-off is never before now), so
  // 添加场次 again after a lost answer sends the very same request, under the same key.
  const now = useMemo(() => Date.now(), [form]);
  const key = useRequestKey(form);

  const save = useAction(async () => {
    const result = sessionBody(form, now);
    if ('problem' in result) throw new Error(result.problem);
    await staffEvents.addSession(eventId, result.body, key);
    invalidate(queryKeys.staff.events());
    invalidate(queryKeys.events.all());
    onClose();
  });

  return (
    <Sheet open title="新增场次" onClose={onClose} testId="session-form">
      <Field label="日期" value={form.date} onChange={(date) => set({ date })} placeholder="2026-12-03" testId="session-date" />
      <Field label="开始时间" value={form.start} onChange={(start) => set({ start })} placeholder="14:00" testId="session-start" />
      <Field label="结束时间" value={form.end} onChange={(end) => set({ end })} placeholder="16:00" testId="session-end" />
      <Field label="名额（人）" value={form.capacity} onChange={(capacity) => set({ capacity })} testId="session-capacity" />
      <Field label="开始前多少小时截止取消" value={form.cutoffHours} onChange={(cutoffHours) => set({ cutoffHours })} testId="session-cutoff" />
      <SubmitButton action={save} testId="session-save" messageTestId="session-message">
        添加场次
      </SubmitButton>
    </Sheet>
  );
}
