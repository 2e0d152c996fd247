import { Text, View } from '@tarojs/components';
import './index.css';

export interface Bar {
  key: string;
  label: string;
  /** null: no figure (drawn empty, shown as —). */
  value: number | null;
}

interface Props {
  bars: readonly Bar[];
  /** The value of a full-length bar (e.g. 1 for rates); default: the largest value. */
  max?: number;
  /** How a value is written beside its bar. */
  format?: (value: number) => string;
  testId?: string;
}

/**
 * A horizontal bar chart of our own: no chart library, plain views sized by percentage, so it
 * draws the same on H5 and weapp and weighs nothing. One bar per item, labels on the left,
 * values on the right.
 */
export default function BarChart({ bars, max, format = String, testId }: Props) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value ?? 0));
  return (
    <View className="bar-chart" data-testid={testId}>
      {bars.map((b) => {
        const share = b.value === null || top <= 0 ? 0 : Math.min(1, Math.max(0, b.value / top));
        return (
          <View key={b.key} className="bar-chart__row" data-testid="bar">
            <Text className="bar-chart__label">{b.label}</Text>
            <View className="bar-chart__track">
              <View className="bar-chart__bar" style={{ width: `${(share * 100).toFixed(1)}%` }} />
            </View>
            <Text className="bar-chart__value" data-testid="bar-value">
              {b.value === null ? '—' : format(b.value)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
