import { useState } from 'react';
import { MAX_NOTICE_BODY_CHARS, MAX_NOTICE_TITLE_CHARS, type ManagedNoticeView } from '@citycare/shared';
import { invalidate, queryKeys } from '../../../api';
import { managedNotices } from '../../../api/staff';
import SubmitButton from '../../../components/SubmitButton';
import Field from '../../../components/Field';
import Sheet from '../../../components/Sheet';
import { useAction } from '../../../hooks/useAction';

/** 修改 a published notice's title and text (a wrong date, a typo); readers see the change at once, its read count stays. */
export default function NoticeEditSheet({ notice, onClose }: { notice: ManagedNoticeView; onClose: () => void }) {
  const [title, setTitle] = useState(notice.title);
  const [body, setBody] = useState(notice.body);
  const changed = title !== notice.title || body !== notice.body;
  const save = useAction(async () => {
    if (!title.trim()) throw new Error('请填写标题');
    if (!body.trim()) throw new Error('请填写正文');
    if (changed) await managedNotices.update(notice.id, { title: title.trim(), body: body.trim() });
    invalidate(queryKeys.staff.notices());
    invalidate(queryKeys.notices.all());
    onClose();
  });
  return (
    <Sheet open title="修改公告" onClose={onClose} dirty={changed} testId="notice-edit-sheet">
      <Field label="标题" value={title} onChange={setTitle} maxLength={MAX_NOTICE_TITLE_CHARS} testId="notice-edit-title" />
      <Field label="正文" value={body} onChange={setBody} maxLength={MAX_NOTICE_BODY_CHARS} multiline testId="notice-edit-body" />
      <SubmitButton action={save} testId="notice-edit-save" messageTestId="notice-edit-message">
        保存修改
      </SubmitButton>
    </Sheet>
  );
}
