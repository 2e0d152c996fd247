import { Text, View } from '@tarojs/components';
import type { LocationFailure } from '../../services/location';
import './index.css';

interface Props {
  reason: LocationFailure;
  /** weapp, permission refused: open WeChat's settings page. Otherwise: try locating again. */
  actionText: string;
  onAction: () => void;
}

const EXPLANATIONS: Record<LocationFailure, string> = {
  denied: '未获得定位权限，已显示全部工作站',
  unavailable: '暂时无法获取您的位置，已显示全部工作站',
};

/** Why the list is not sorted by distance, and the way to fix it. */
export default function LocationNotice({ reason, actionText, onAction }: Props) {
  return (
    <View className="location-notice" data-testid="location-fallback">
      <Text className="location-notice__text">{EXPLANATIONS[reason]}</Text>
      <View className="location-notice__action" hoverClass="location-notice__action--pressed" onClick={onAction}>
        {actionText}
      </View>
    </View>
  );
}
