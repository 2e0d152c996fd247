import { Text, View } from '@tarojs/components';
import type { StaffCaseView } from '@citycare/shared';
import { staffCases } from '../../../api/staff';
import Button from '../../../components/Button';
import InfoRow from '../../../components/InfoRow';
import { useAction } from '../../../hooks/useAction';
import { callStation } from '../../../services/phone';

/**
 * Who reported it (never for an anonymous case) with the masked phone. 拨打 asks the server for
 * the number at the moment of calling (staff of the case's station only; the server notes the call
 * in the timeline), so the full number is never part of the page.
 */
export default function ReporterRow({ subject }: { subject: StaffCaseView }) {
  const call = useAction(async () => {
    const { phone } = await staffCases.reporterPhone(subject.id);
    await callStation(phone);
  });
  if (subject.reporter === undefined) return null;
  if (subject.reporter === null) return <InfoRow label="报事人" value="匿名报事" testId="staff-case-reporter" />;
  const { name, phone } = subject.reporter;
  return (
    <View data-testid="staff-case-reporter">
      <InfoRow label="报事人" value={name} />
      <View className="row row--between">
        <InfoRow label="电话" value={phone ?? '未绑定手机号'} testId="staff-case-phone" />
        {phone && (
          <Button kind="call" size="sm" loading={call.busy} testId="staff-case-call" onClick={() => void call.run()}>
            拨打
          </Button>
        )}
      </View>
      {call.failure && <Text className="message message--error">{call.failure}</Text>}
    </View>
  );
}
