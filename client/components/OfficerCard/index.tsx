import { Image, Text, View } from '@tarojs/components';
import type { OfficerOnDuty } from '@citycare/shared';
import { mediaUrl } from '../../api/http';
import type { PhotoErrorHandler } from '../Photo';
import './index.css';

/** An officer as on the station's wall (上墙挂牌): photo or initial, name, role and duties. A photo that fails (its signed URL expired) asks the page for fresh ones. */
export default function OfficerCard({ officer, onPhotoError }: { officer: OfficerOnDuty; onPhotoError?: PhotoErrorHandler }) {
  return (
    <View className="officer-card" data-testid="officer-card">
      {officer.photoUrl ? (
        <Image className="officer-card__avatar" src={mediaUrl(officer.photoUrl)} mode="aspectFill" onError={() => onPhotoError?.({ url: officer.photoUrl! })} />
      ) : (
        <View className="officer-card__avatar officer-card__avatar--initial">{officer.name.slice(0, 1)}</View>
      )}
      <View className="officer-card__body">
        <View className="officer-card__head">
          <Text className="officer-card__name" data-testid="officer-name">
            {officer.name}
          </Text>
          <Text className="officer-card__role">{officer.role}</Text>
        </View>
        {officer.duties.length > 0 && (
          <View className="officer-card__duties">
            {officer.duties.map((duty) => (
              <Text key={duty} className="officer-card__duty">
                {duty}
              </Text>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}
