import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useEffect, useState } from 'react';
import { MAX_DESCRIPTION_CHARS, type LatLng } from '@citycare/shared';
import { cases, invalidate, isApiError, newIdempotencyKey, queryKeys, useCursorList } from '../../../api';
import Button from '../../../components/Button';
import CaseCard from '../../../components/CaseCard';
import Chips from '../../../components/Chips';
import Field from '../../../components/Field';
import InfiniteList from '../../../components/InfiniteList';
import PhotoPicker from '../../../components/PhotoPicker';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import { photosBusy, photosFailed, uploadedMediaIds, type DraftPhoto } from '../../../features/photos/photos';
import { usePhotoUploads } from '../../../features/photos/usePhotoUploads';
import { useAction } from '../../../hooks/useAction';
import { locateResident, pickPlace } from '../../../services/location';
import { useCategoryChips } from '../../../features/staff/categories';
import '../../staff/staff.css';

export default function WhistlePage() {
  return (
    <RoleGate roles={['secretary']}>
      <Whistle />
    </RoleGate>
  );
}

/** 吹哨报到: raise a community problem to the station (a case with source `whistle`), and follow the ones raised. */
function Whistle() {
  const mine = useCursorList(queryKeys.cases.mine(), (cursor) => cases.mine(cursor));
  usePullRefresh(mine.refresh);
  useReachBottom(() => void mine.loadMore());
  return (
    <Screen className="staff" testId="whistle-page">
      <WhistleForm />
      <View className="section">
        <Text className="section__title">我吹哨的问题</Text>
        <InfiniteList
          state={mine.state}
          testId="whistle-list"
          renderItem={(item) => <CaseCard item={item} />}
          empty={{ title: '还没有吹哨', message: '社区里需要城管协同处理的问题，可以在这里直接交给工作站' }}
          onRetry={() => void mine.refresh()}
          onLoadMore={() => void mine.loadMore()}
        />
      </View>
    </Screen>
  );
}

function WhistleForm() {
  const categoryChips = useCategoryChips();
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [at, setAt] = useState<LatLng | null>(null);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState(false);
  const uploads = usePhotoUploads(photos, setPhotos);

  useEffect(() => {
    void locateResident().then((result) => result.ok && setAt(result.at));
  }, []);

  const send = useAction(async () => {
    setSent(false);
    const problem = !category ? '请选择问题分类' : !description.trim() ? '请描述问题' : !address.trim() ? '请填写位置' : !at ? '还没有定位，请允许定位或在地图上选点' : photosBusy(photos) ? '照片还在上传，请稍候' : photosFailed(photos) ? '有照片上传失败，请重试或删除' : null;
    if (problem) throw new Error(problem);
    try {
      await cases.create({ category: category as string, description: description.trim(), photos: uploadedMediaIds(photos), lat: (at as LatLng).lat, lng: (at as LatLng).lng, address: address.trim(), anonymous: false, publicDescription: false }, key);
    } catch (error) {
      if (isApiError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED') setKey(newIdempotencyKey());
      throw error;
    }
    setCategory(null);
    setDescription('');
    setAddress('');
    setPhotos([]);
    setKey(newIdempotencyKey());
    setSent(true);
    invalidate(queryKeys.cases.all());
  });

  return (
    <View className="section gap-top" data-testid="whistle-form">
      <Text className="section__title">向工作站吹哨</Text>
      <Text className="muted block">问题直接进入工作站的案件队列，处理进度在下方跟进</Text>
      <Chips options={categoryChips} value={category} onChange={setCategory} testId="whistle-category" />
      <Field label="问题描述" value={description} onChange={setDescription} maxLength={MAX_DESCRIPTION_CHARS} multiline testId="whistle-description" />
      <Field label="位置" value={address} onChange={setAddress} maxLength={200} hint={at ? '已定位' : '正在定位…'} testId="whistle-address" />
      {process.env.TARO_ENV === 'weapp' && (
        <Button kind="plain" size="sm" onClick={() => void pickPlace(at ?? undefined).then((p) => p && (setAt(p), setAddress(p.address)))}>
          在地图上选点
        </Button>
      )}
      <PhotoPicker photos={photos} onAdd={() => void uploads.addFromDevice()} onRetry={uploads.retryPhoto} onRemove={uploads.removePhoto} />
      <Button block loading={send.busy} testId="whistle-submit" onClick={() => void send.run()}>
        吹哨
      </Button>
      {(send.failure || sent) && (
        <Text className={`message message--${send.failure ? 'error' : 'done'}`} data-testid="whistle-message">
          {send.failure ?? '已交给工作站，处理进度见下方'}
        </Text>
      )}
    </View>
  );
}
