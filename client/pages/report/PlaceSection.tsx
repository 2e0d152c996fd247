import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { StationSummary } from '@citycare/shared';
import { queryKeys, useQuery, zones } from '../../api';
import Button from '../../components/Button';
import Field from '../../components/Field';
import { locatedPlace, type ReportForm } from '../../features/report/form';
import { locateResident, openLocationSettings, pickPlace, type LocationFailure } from '../../services/location';
import { appActions } from '../../store/app-store';
import CommunityPlaceSheet from './CommunityPlaceSheet';

/** A stall zone this close to the problem is offered to link. */
const ZONE_RADIUS_M = 300;

interface Props {
  form: ReportForm;
  onPatch: (fields: Partial<ReportForm>) => void;
  error?: string;
}

const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

function failureText(reason: LocationFailure): string {
  if (reason === 'unavailable') return '暂时无法定位，请稍后重试';
  return isWeapp() ? '未获得定位权限，请去开启定位，或在地图上选点' : '未获得定位权限，请在浏览器设置中允许定位后重新定位，或按社区选择位置';
}

/** Where the problem is: located on open, moved on WeChat's map (weapp) or put at a community's station (H5), and described. */
export default function PlaceSection({ form, onPatch, error }: Props) {
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<LocationFailure | null>(null);
  // An address typed before any position came: kept here, and joined to the position when it comes.
  const [unplacedAddress, setUnplacedAddress] = useState('');
  const [choosingCommunity, setChoosingCommunity] = useState(false);
  const place = form.place;
  // Locating takes seconds: the address written back is the one in the form when it ends.
  const latest = useRef({ place, unplacedAddress });
  latest.current = { place, unplacedAddress };

  const locate = async (): Promise<void> => {
    setLocating(true);
    setFailure(null);
    const result = await locateResident();
    setLocating(false);
    if (!result.ok) {
      setFailure(result.reason);
      return;
    }
    appActions.rememberLocation(result.at);
    const { place: now, unplacedAddress: typed } = latest.current;
    onPatch({ place: { ...result.at, address: now ? now.address : typed } });
  };

  // The community's station stands in for the position until a real one comes (ReportPlace.standIn).
  const placeAtStation = (station: StationSummary): void => {
    setChoosingCommunity(false);
    setFailure(null);
    const { place: now, unplacedAddress: typed } = latest.current;
    const standIn = { station: station.name, community: station.community };
    onPatch({ place: { lat: station.lat, lng: station.lng, address: now ? now.address : typed, standIn } });
  };

  const allowLocation = async (): Promise<void> => {
    if (await openLocationSettings()) await locate();
  };

  const pick = async (): Promise<void> => {
    const picked = await pickPlace(place ?? undefined);
    if (!picked) return;
    onPatch({ place: { lat: picked.lat, lng: picked.lng, address: picked.address } });
  };

  useEffect(() => {
    if (!place) void locate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Stall zones near the problem's own point only: around a stand-in station they would be the station's.
  const located = locatedPlace(place);
  const nearZones = useQuery(located ? queryKeys.zones.near(located, ZONE_RADIUS_M) : null, () => zones.near(located!, ZONE_RADIUS_M, 3));
  const zoneItems = nearZones.state.status === 'success' ? nearZones.state.data.items : [];

  return (
    <View data-testid="report-place">
      <View className="row row--between">
        <Text className="field__label">问题位置</Text>
        <Text className="muted" data-testid="report-place-status">
          {locating ? '正在定位…' : place?.standIn ? `${place.standIn.community}（工作站位置）` : place ? `已定位 ${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}` : '未定位'}
        </Text>
      </View>
      {failure && (
        <Text className="message message--error" data-testid="report-place-failure">
          {failureText(failure)}
        </Text>
      )}
      <View className="row gap-top">
        {failure === 'denied' && isWeapp() ? (
          <Button kind="secondary" size="sm" onClick={() => void allowLocation()} testId="report-allow-location">
            去开启定位
          </Button>
        ) : (
          <Button kind="secondary" size="sm" onClick={() => void locate()} loading={locating} testId="report-relocate">
            重新定位
          </Button>
        )}
        {isWeapp() ? (
          <View className="report__spacer">
            <Button kind="secondary" size="sm" onClick={() => void pick()}>
              在地图上选点
            </Button>
          </View>
        ) : (
          // Only while there is no real position: a tap would otherwise replace the phone's with a station's.
          (!place || place.standIn) && (
            <View className="report__spacer">
              <Button kind="secondary" size="sm" onClick={() => setChoosingCommunity(true)} testId="report-choose-community">
                按社区选择位置
              </Button>
            </View>
          )
        )}
      </View>
      {place?.standIn && <Text className="muted block">问题位置记为{place.standIn.station}，请在详细地址中写清具体位置</Text>}
      <CommunityPlaceSheet open={choosingCommunity} onClose={() => setChoosingCommunity(false)} onPick={placeAtStation} />
      <Field
        label="详细地址"
        value={place ? place.address : unplacedAddress}
        onChange={(address) => (place ? onPatch({ place: { ...place, address } }) : setUnplacedAddress(address))}
        placeholder="如：人民路 88 号小区东门"
        maxLength={200}
        error={error}
        testId="report-address"
      />
      {zoneItems.length > 0 && (
        <View className="gap-top" data-testid="report-zones">
          <Text className="field__label">附近的临时摊位区</Text>
          <View className="report__chips">
            {zoneItems.map((zone) => (
              <Text
                key={zone.id}
                className={`report__chip${form.zoneId === zone.id ? ' report__chip--on' : ''}`}
                onClick={() => onPatch({ zoneId: form.zoneId === zone.id ? null : zone.id })}
              >
                {zone.name}
              </Text>
            ))}
          </View>
          <Text className="muted">问题与摊位区有关时请选择，便于工作站处理</Text>
        </View>
      )}
    </View>
  );
}
