import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

interface Props {
  kind?: 'primary' | 'secondary' | 'call' | 'danger' | 'plain';
  size?: 'md' | 'sm';
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  testId?: string;
  onClick?: () => void;
}

/** A tappable pill; at least --tap-min tall, so 长辈模式 makes every button bigger. */
export default function Button({ kind = 'primary', size = 'md', block, disabled, loading, testId, onClick, children }: PropsWithChildren<Props>) {
  const inactive = disabled || loading;
  const className = ['btn', `btn--${kind}`, `btn--${size}`, block ? 'btn--block' : '', inactive ? 'btn--disabled' : ''].filter(Boolean).join(' ');
  return (
    <View
      className={className}
      hoverClass={inactive ? 'none' : 'btn--pressed'}
      data-testid={testId}
      aria-disabled={inactive ? 'true' : undefined}
      onClick={(event) => {
        event.stopPropagation();
        if (!inactive) onClick?.();
      }}
    >
      {loading ? '请稍候…' : children}
    </View>
  );
}
