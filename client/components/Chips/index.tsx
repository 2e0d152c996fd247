import { Text, View } from '@tarojs/components';
import './index.css';

interface Props<K extends string> {
  options: ReadonlyArray<{ key: K; label: string }>;
  /** The chosen key, or null for none. */
  value: K | null;
  /** Tapping the chosen chip again clears it (null) unless `required`. */
  onChange: (key: K | null) => void;
  required?: boolean;
  testId?: string;
}

/** A wrapping row of choice chips: the queue's filters, a move's outcome, a picker of few options. */
export default function Chips<K extends string>({ options, value, onChange, required, testId }: Props<K>) {
  return (
    <View className="chips" data-testid={testId}>
      {options.map((option) => {
        const on = option.key === value;
        return (
          <View
            key={option.key}
            className={`chips__chip${on ? ' chips__chip--on' : ''}`}
            data-testid={testId ? `${testId}-${option.key}` : undefined}
            data-active={on ? '1' : '0'}
            onClick={() => onChange(on && !required ? null : option.key)}
          >
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
