import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { queryKeys, useQuery, zones } from '../../api';
import Button from '../../components/Button';
import Field from '../../components/Field';
import type { ReportForm } from '../../features/report/form';
import { locateResident, pickPlace } from '../../services/location';
import { appActions } from '../../store/app-store';

/** A stall zone this close to the problem is offered to link. */
const ZONE_RADIUS_M = 300;

interface Props {
  form: ReportForm;
  onPatch: (fields: Partial<ReportForm>) => void;
  error?: string;
}

/** Where the problem is: located on open, moved on WeChat's map (weapp) or described (both). */
export default function PlaceSection({ form, onPatch, error }: Props) {
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const place = form.place;

  const locate = async (): Promise<void> => {
    setLocating(true);
    setFailure(null);
    const result = await locateResident();
    setLocating(false);
    if (!result.ok) {
      setFailure(result.reason === 'denied' ? '未获得定位权限，请在设置中允许，或在地图上选点' : '暂时无法定位，请稍后重试');
      return;
    }
    appActions.rememberLocation(result.at);
    onPatch({ place: { ...result.at, address: place?.address ?? '' } });
  };

  const pick = async (): Promise<void> => {
    const picked = await pickPlace(place ?? undefined);
    if (picked) onPatch({ place: { lat: picked.lat, lng: picked.lng, address: picked.address } });
  };

  useEffect(() => {
    if (!place) void locate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const nearZones = useQuery(place ? queryKeys.zones.near(place, ZONE_RADIUS_M) : null, () => zones.near(place!, ZONE_RADIUS_M, 3));
  const zoneItems = nearZones.state.status === 'success' ? nearZones.state.data.items : [];

  return (
    <View data-testid="report-place">
      <View className="row row--between">
        <Text className="field__label">问题位置</Text>
        <Text className="muted" data-testid="report-place-status">
          {locating ? '正在定位…' : place ? `已定位 ${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}` : '未定位'}
        </Text>
      </View>
      {failure && <Text className="message message--error">{failure}</Text>}
      <View className="row gap-top">
        <Button kind="secondary" size="sm" onClick={() => void locate()} loading={locating}>
          重新定位
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <View className="report__spacer">
            <Button kind="secondary" size="sm" onClick={() => void pick()}>
              在地图上选点
            </Button>
          </View>
        )}
      </View>
      <Field
        label="详细地址"
        value={place?.address ?? ''}
        onChange={(address) => place && onPatch({ place: { ...place, address } })}
        placeholder={place ? '如：人民路 88 号小区东门' : '请先定位'}
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
