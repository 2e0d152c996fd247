import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useAppState } from '../../store/app-store';
import PrivacyPopup from '../PrivacyPopup';

interface Props {
  /** A tab page: on H5 the tab bar is drawn over the page, so sheets sit above it. */
  tab?: boolean;
  className?: string;
  testId?: string;
}

/**
 * Every page's root: carries the design tokens (app.css) and switches them for 长辈模式, and
 * hosts the privacy popup on weapp.
 */
export default function Screen({ tab, className, testId, children }: PropsWithChildren<Props>) {
  const elder = useAppState((s) => s.elderMode);
  const classes = ['screen', elder ? 'screen--elder' : '', tab && process.env.TARO_ENV === 'h5' ? 'screen--h5-tab' : '', className ?? ''];
  return (
    <View className={classes.filter(Boolean).join(' ')} data-testid={testId} data-elder={elder ? '1' : '0'}>
      {children}
      {process.env.TARO_ENV === 'weapp' && <PrivacyPopup />}
    </View>
  );
}
