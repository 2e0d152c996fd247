import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

interface Props {
  title: string;
  /** A second line under the title. */
  note?: string;
  /** Shows › : the row opens something. */
  arrow?: boolean;
  onClick?: () => void;
  testId?: string;
}

/** A row in a settings-like list (我的, 演示登录, 选择社区): title and note left, children and › right. */
export default function ListRow({ title, note, arrow, onClick, testId, children }: PropsWithChildren<Props>) {
  return (
    <View className="list-row" hoverClass={onClick ? 'list-row--pressed' : 'none'} data-testid={testId} onClick={onClick}>
      <View className="list-row__main">
        <Text className="list-row__title">{title}</Text>
        {note && <Text className="list-row__note">{note}</Text>}
      </View>
      {children}
      {arrow && <Text className="list-row__arrow">›</Text>}
    </View>
  );
}
