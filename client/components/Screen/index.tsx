import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useAppState } from '../../store/app-store';
import PrivacyPopup from '../PrivacyPopup';

interface Props {
  className?: string;
  testId?: string;
}

/**
 * Every page's root: carries the design tokens (app.css) and switches them for 长辈模式, and
 * hosts the privacy popup on weapp.
 */
export default function Screen({ className, testId, children }: PropsWithChildren<Props>) {
  const elder = useAppState((s) => s.elderMode);
  return (
    <View className={`screen${elder ? ' screen--elder' : ''}${className ? ` ${className}` : ''}`} data-testid={testId} data-elder={elder ? '1' : '0'}>
      {children}
      {process.env.TARO_ENV === 'weapp' && <PrivacyPopup />}
    </View>
  );
}
