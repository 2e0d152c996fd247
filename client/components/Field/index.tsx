import { Input, Text, Textarea, View } from '@tarojs/components';
import './index.css';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shows "n/max" and stops typing at max. */
  maxLength?: number;
  multiline?: boolean;
  error?: string;
  hint?: string;
  testId?: string;
}

/** A labelled text input or text area with a character counter and its error under it. */
export default function Field({ label, value, onChange, placeholder, maxLength, multiline, error, hint, testId }: Props) {
  const common = {
    className: `field__input${multiline ? ' field__input--multiline' : ''}`,
    value,
    placeholder,
    placeholderClass: 'field__placeholder',
    maxlength: maxLength ?? -1,
    onInput: (event: { detail: { value: string } }) => onChange(event.detail.value),
  };
  return (
    <View className={`field${error ? ' field--error' : ''}`} data-testid={testId}>
      <View className="field__head">
        <Text className="field__label">{label}</Text>
        {maxLength !== undefined && (
          <Text className="field__counter" data-testid={testId ? `${testId}-counter` : undefined}>
            {value.length}/{maxLength}
          </Text>
        )}
      </View>
      {multiline ? <Textarea {...common} autoHeight /> : <Input {...common} />}
      {error ? <Text className="field__error">{error}</Text> : hint ? <Text className="field__hint">{hint}</Text> : null}
    </View>
  );
}
