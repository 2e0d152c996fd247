import { Text } from '@tarojs/components';
import './index.css';

/** Marks seeded demo stations so nobody mistakes them for a real office. */
export default function DemoTag() {
  return (
    <Text className="demo-tag" data-testid="demo-tag">
      演示数据
    </Text>
  );
}
