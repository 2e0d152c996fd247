import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { MAX_DESCRIPTION_CHARS, type LatLng, type PatrolProblemBody } from '@citycare/shared';
import Button from '../../../components/Button';
import Chips from '../../../components/Chips';
import Field from '../../../components/Field';
import PhotoPicker from '../../../components/PhotoPicker';
import Sheet from '../../../components/Sheet';
import { uploadedMediaIds } from '../../../features/photos/photos';
import { locateResident, pickPlace } from '../../../services/location';
import { photosProblem, usePhotoText } from '../case/photo-text';
import { useCategoryChips } from '../../../features/staff/categories';

/** 发现问题: a problem found on patrol, which becomes a `patrol` case (未诉先办) when the log is saved. */
export default function ProblemSheet({ onAdd, onClose }: { onAdd: (problem: PatrolProblemBody) => void; onClose: () => void }) {
  const [category, setCategory] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [at, setAt] = useState<LatLng | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = usePhotoText();
  const categoryChips = useCategoryChips();

  useEffect(() => {
    void locateResident().then((result) => (result.ok ? setAt(result.at) : setFailure('暂时无法定位，可在地图上选点')));
  }, []);

  const add = () => {
    const problem = !category ? '请选择问题分类' : !form.text.trim() ? '请描述问题' : !address.trim() ? '请填写位置' : !at ? '还没有定位' : photosProblem(form.photos);
    if (problem) return setFailure(problem);
    onAdd({ category: category as string, description: form.text.trim(), photos: uploadedMediaIds(form.photos), lat: (at as LatLng).lat, lng: (at as LatLng).lng, address: address.trim(), publicDescription: false });
    onClose();
  };

  return (
    <Sheet open title="发现问题" onClose={onClose} dirty={!!(form.text.trim() || address.trim() || form.photos.length)} testId="problem-sheet">
      <Text className="field__label">问题分类</Text>
      <Chips options={categoryChips} value={category} onChange={setCategory} testId="problem-category" />
      <Field label="问题描述" value={form.text} onChange={form.setText} maxLength={MAX_DESCRIPTION_CHARS} multiline testId="problem-description" />
      <Field label="位置" value={address} onChange={setAddress} maxLength={200} placeholder="如：中大街 12 号门前" hint={at ? '已定位' : '正在定位…'} testId="problem-address" />
      {process.env.TARO_ENV === 'weapp' && (
        <Button kind="plain" size="sm" onClick={() => void pickPlace(at ?? undefined).then((p) => p && (setAt(p), setAddress(p.address)))}>
          在地图上选点
        </Button>
      )}
      <PhotoPicker photos={form.photos} onAdd={() => void form.uploads.addFromDevice()} onRetry={form.uploads.retryPhoto} onRemove={form.uploads.removePhoto} />
      <Button block testId="problem-add" onClick={add}>
        加入台账（保存后自动立案）
      </Button>
      {failure && <Text className="message message--error">{failure}</Text>}
      <View />
    </Sheet>
  );
}
