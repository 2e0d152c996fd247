import { View } from '@tarojs/components';

/** H5: the browser's file chooser; hands back the chosen file's name and its text (UTF-8). */
export default function CsvPicker({ onPicked }: { onPicked: (name: string, text: string) => void }) {
  return (
    <View className="admin-actions">
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="hotline-file"
        onChange={(e) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) void file.text().then((text) => onPicked(file.name, text));
        }}
      />
    </View>
  );
}
