import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

/** Figures side by side, three to a row: a number large, its name small beneath (本站数据, a station's record). */
export default function FigureGrid({ testId, children }: PropsWithChildren<{ testId?: string }>) {
  return (
    <View className="figure-grid" data-testid={testId}>
      {children}
    </View>
  );
}

export function FigureCell({ label, value, testId, danger }: { label: string; value: string; testId?: string; danger?: boolean }) {
  return (
    <View className="figure-grid__cell" data-testid={testId}>
      <Text className={`figure-grid__value${danger ? ' figure-grid__value--danger' : ''}`}>{value}</Text>
      <Text className="figure-grid__label">{label}</Text>
    </View>
  );
}
