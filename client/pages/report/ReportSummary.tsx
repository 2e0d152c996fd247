import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CaseDetail } from '@citycare/shared';
import Button from '../../components/Button';
import InfoRow from '../../components/InfoRow';
import Sheet from '../../components/Sheet';
import { categoryByCode, categoryPromise, type ReportForm } from '../../features/report/form';
import { useReportCategories } from '../../features/report/useReportCategories';
import { uploadedMediaIds } from '../../features/photos/photos';
import type { SubmitResult } from '../../features/report/useReportForm';
import { requestCaseUpdates } from '../../services/media';

interface Props {
  open: boolean;
  form: ReportForm;
  onClose: () => void;
  submit: () => Promise<SubmitResult>;
  onSent: (detail: CaseDetail) => void;
}

/** What will be sent, for one last look; 确认提交 sends it (and asks for update messages). */
export default function ReportSummary({ open, form, onClose, submit, onSent }: Props) {
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const category = categoryByCode(form.category, useReportCategories());

  const send = async (): Promise<void> => {
    requestCaseUpdates(); // must run inside this tap, before any await
    setSending(true);
    setFailure(null);
    const result = await submit();
    setSending(false);
    if (result.ok) onSent(result.detail);
    else setFailure(result.message);
  };

  return (
    <Sheet open={open} title="确认提交" onClose={onClose} testId="report-summary">
      <InfoRow label="问题类型" value={category ? `${category.name}（${categoryPromise(category)}）` : ''} />
      <InfoRow label="问题描述" value={form.description.trim()} />
      <InfoRow label="现场照片" value={`${uploadedMediaIds(form.photos).length} 张`} />
      <InfoRow label="问题位置" value={form.place?.address ?? ''} />
      <InfoRow label="身份" value={form.anonymous ? '匿名反映' : '实名反映（仅工作人员可见）'} />
      <InfoRow label="描述公开" value={form.publicDescription ? '附近居民可看到问题描述' : '仅工作人员可见'} />
      {failure && (
        <Text className="message message--error" data-testid="report-failure">
          {failure}
        </Text>
      )}
      <View className="gap-top">
        <Button block loading={sending} testId="report-submit" onClick={() => void send()}>
          确认提交
        </Button>
      </View>
    </Sheet>
  );
}
