import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './index.css';

/** The booking code as a QR code for the officer's scanner, drawn with views (both platforms). */
export default function QrCode({ value, testId }: { value: string; testId?: string }) {
  const rows = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(value);
    qr.make();
    const n = qr.getModuleCount();
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
  }, [value]);
  return (
    <View className="qr" data-testid={testId} data-modules={rows.length}>
      {rows.map((row, r) => (
        <View key={r} className="qr__row">
          {row.map((dark, c) => (
            <View key={c} className={dark ? 'qr__cell qr__cell--dark' : 'qr__cell'} />
          ))}
        </View>
      ))}
    </View>
  );
}
