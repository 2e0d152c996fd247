import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { invalidate, queryKeys } from '../../../api';
import { staffEvents } from '../../../api/staff';
import { isCancelled } from '../../../services/wechat-failure';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Check a resident in by their booking code: scanned from their QR code (weapp) or typed (both). */
export default function CheckIn({ sessionId }: { sessionId: string }) {
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  /** The scanner failed (not a check-in): told as an error, gone at the next try. */
  const [scanError, setScanError] = useState<string | null>(null);

  const checkIn = useAction(async (raw: string) => {
    setDone(null);
    setScanError(null);
    if (!raw.trim()) throw new Error('请输入预约码');
    const result = await staffEvents.checkIn(raw, sessionId);
    setCode('');
    setDone(`${result.attendee.name} 已签到（${result.attendee.partySize} 人）`);
    invalidate(queryKeys.staff.attendance(sessionId));
    invalidate(queryKeys.staff.events());
  });

  const scan = async () => {
    setDone(null);
    setScanError(null);
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn.run(result);
    } catch (failure) {
      // Closing the scanner is not a failure.
      if (!isCancelled(failure)) setScanError('扫码失败，请改为输入预约码');
    }
  };

  // A scan failure is newer than a check-in's failure, which stays until the next check-in.
  const problem = scanError ?? checkIn.failure;

  return (
    <View className="section gap-top" data-testid="checkin">
      <Text className="section__title">签到</Text>
      {IS_WEAPP && (
        <Button block kind="call" disabled={checkIn.busy} testId="checkin-scan" onClick={() => void scan()}>
          扫码签到
        </Button>
      )}
      <Field label="预约码" value={code} onChange={setCode} maxLength={40} placeholder="居民出示的 8 位预约码" testId="checkin-code" />
      <Button block loading={checkIn.busy} testId="checkin-submit" onClick={() => void checkIn.run(code)}>
        确认签到
      </Button>
      {problem ? (
        <Text className="message message--error" data-testid="checkin-message">
          {problem}
        </Text>
      ) : (
        done && (
          <Text className="message message--done" data-testid="checkin-message">
            {done}
          </Text>
        )
      )}
    </View>
  );
}
