import { Text, View } from '@tarojs/components';
import { formatDistance, type StationSummary } from '@citycare/shared';
import DemoTag from '../DemoTag';
import { callStation } from '../../services/phone';
import { openStationPage } from '../../services/navigation';
import './index.css';

interface Props {
  station: StationSummary;
  /** Metres from the resident; absent when we have no position. */
  distanceM?: number;
}

/** One station in the home list: tap the card for details, the button to call. */
export default function StationCard({ station, distanceM }: Props) {
  return (
    <View
      className="station-card"
      hoverClass="station-card--pressed"
      data-testid="station-card"
      onClick={() => void openStationPage(station.id)}
    >
      <View className="station-card__head">
        <View className="station-card__title">
          <Text className="station-card__name" data-testid="station-name">
            {station.name}
          </Text>
        </View>
        {distanceM !== undefined && (
          <Text className="station-card__distance" data-testid="station-distance">
            {formatDistance(distanceM)}
          </Text>
        )}
      </View>
      <View className="station-card__community">
        <Text>{station.community}</Text>
        {station.demo && <DemoTag />}
      </View>
      <Text className="station-card__address">{station.address}</Text>
      <View className="station-card__foot">
        <Text className="station-card__hours">{station.openingHours}</Text>
        <View
          className="station-card__call"
          hoverClass="station-card__call--pressed"
          data-testid="station-call"
          onClick={(event) => {
            event.stopPropagation();
            void callStation(station.phone);
          }}
        >
          一键拨打
        </View>
      </View>
    </View>
  );
}
