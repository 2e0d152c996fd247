import { Text, View } from '@tarojs/components';
import './index.css';

/** 1–5 stars; each star is a tap target of its own. */
export default function StarRating({ value, onChange }: { value: number; onChange: (score: number) => void }) {
  return (
    <View className="stars" data-testid="stars">
      {[1, 2, 3, 4, 5].map((score) => (
        <Text
          key={score}
          className={`stars__star${score <= value ? ' stars__star--on' : ''}`}
          data-testid={`star-${score}`}
          onClick={() => onChange(score)}
        >
          ★
        </Text>
      ))}
    </View>
  );
}
