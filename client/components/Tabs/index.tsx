import { Text, View } from '@tarojs/components';
import './index.css';

interface Props<K extends string> {
  tabs: ReadonlyArray<{ key: K; label: string }>;
  value: K;
  onChange: (key: K) => void;
  testId?: string;
}

/** A row of tabs over a list (我报的 / 我关注的); the chosen one is underlined. */
export default function Tabs<K extends string>({ tabs, value, onChange, testId }: Props<K>) {
  return (
    <View className="tabs" data-testid={testId}>
      {tabs.map((tab) => (
        <View
          key={tab.key}
          className={`tabs__tab${tab.key === value ? ' tabs__tab--on' : ''}`}
          data-testid={testId ? `${testId}-${tab.key}` : undefined}
          data-active={tab.key === value ? '1' : '0'}
          onClick={() => onChange(tab.key)}
        >
          <Text>{tab.label}</Text>
        </View>
      ))}
    </View>
  );
}
