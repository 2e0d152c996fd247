import { Text } from '@tarojs/components';

/** The mini-program has no file chooser for CSV: the import is done in the H5 console (Taro picks CsvPicker.h5.tsx there). */
export default function CsvPicker(_props: { onPicked: (name: string, text: string) => void }) {
  return <Text className="admin-message">请在电脑浏览器中打开管理后台导入 CSV 文件</Text>;
}
