import { Text, View } from '@tarojs/components';
import { categoryByCode, categoryPromise } from '../../features/report/form';
import { useReportCategories } from '../../features/report/useReportCategories';

/** The problem categories as chips; the chosen one shows its promise (受理/办结 hours). */
export default function CategoryPicker({ value, onChange, error }: { value: string | null; onChange: (code: string) => void; error?: string }) {
  const offered = useReportCategories();
  const chosen = categoryByCode(value, offered);
  return (
    <View data-testid="report-category">
      <Text className="field__label">问题类型</Text>
      <View className="report__chips">
        {offered.map((c) => (
          <Text
            key={c.code}
            className={`report__chip${c.code === value ? ' report__chip--on' : ''}`}
            data-testid={`category-${c.code}`}
            onClick={() => onChange(c.code)}
          >
            {c.name}
          </Text>
        ))}
      </View>
      {chosen && (
        <Text className="report__promise" data-testid="category-promise">
          承诺：{categoryPromise(chosen)}
        </Text>
      )}
      {error && <Text className="message message--error">{error}</Text>}
    </View>
  );
}
