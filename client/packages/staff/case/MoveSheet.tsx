import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CASE_OUTCOME_LABELS, CASE_OUTCOMES, MAX_CASE_TEXT_CHARS, type MoveNeeds, type StaffCaseView } from '@citycare/shared';
import { cases, invalidate, queryKeys, stations, useQuery } from '../../../api';
import { staffCases } from '../../../api/staff';
import Button from '../../../components/Button';
import Chips from '../../../components/Chips';
import Field from '../../../components/Field';
import PhotoPicker from '../../../components/PhotoPicker';
import Sheet from '../../../components/Sheet';
import { uploadedMediaIds } from '../../../features/photos/photos';
import { missingInput, type MoveAction, type MoveInput } from '../../../features/staff/case-actions';
import { useAction } from '../../../hooks/useAction';
import { goBack } from '../../../services/router';
import { photosProblem, usePhotoText } from './photo-text';

/** Metres around the case searched for open cases it may duplicate. */
const MERGE_RADIUS_M = 500;
const OUTCOME_CHIPS = CASE_OUTCOMES.map((o) => ({ key: o, label: CASE_OUTCOME_LABELS[o] }));

interface Props {
  action: MoveAction;
  subject: StaffCaseView;
  onClose: () => void;
}

/** One lifecycle move with exactly what its table row needs: reason, note and outcome (+ after-photos), target case or station. */
export default function MoveSheet({ action, subject, onClose }: Props) {
  const [input, setInput] = useState<MoveInput>({ reason: '', note: '', outcome: '', targetCaseId: '', targetStationId: '' });
  const set = (patch: Partial<MoveInput>) => setInput((prev) => ({ ...prev, ...patch }));
  const after = usePhotoText();
  const needs = (need: MoveNeeds) => action.needs.includes(need);

  const send = useAction(async () => {
    const problem = missingInput(action, input) ?? (action.takesPhotos ? photosProblem(after.photos) : null);
    if (problem) throw new Error(problem);
    const result = await staffCases.move(subject.id, {
      move: action.move,
      reason: needs('reason') ? input.reason.trim() : undefined,
      note: needs('note') ? input.note.trim() : undefined,
      outcome: needs('outcome') ? (input.outcome as (typeof CASE_OUTCOMES)[number]) : undefined,
      targetCaseId: needs('targetCaseId') ? input.targetCaseId : undefined,
      targetStationId: needs('targetStationId') ? input.targetStationId : undefined,
      photos: action.takesPhotos ? uploadedMediaIds(after.photos) : undefined,
    });
    invalidate(queryKeys.staff.all());
    onClose();
    if (!result.case) {
      // Transferred: the case is the other station's now.
      await Taro.showToast({ title: '已转派', icon: 'success' });
      await goBack();
    }
  });

  return (
    <Sheet open title={action.label} onClose={onClose} dirty={!!(input.note.trim() || input.reason.trim() || after.photos.length)} testId="move-sheet">
      {needs('targetCaseId') && <MergeTargets subject={subject} value={input.targetCaseId} onChange={(id) => set({ targetCaseId: id })} />}
      {needs('targetStationId') && <TransferTargets subject={subject} value={input.targetStationId} onChange={(id) => set({ targetStationId: id })} />}
      {needs('outcome') && (
        <View>
          <Text className="field__label">处理结果</Text>
          <Chips options={OUTCOME_CHIPS} value={(input.outcome || null) as (typeof CASE_OUTCOMES)[number] | null} onChange={(o) => set({ outcome: o ?? '' })} testId="move-outcome" />
        </View>
      )}
      {needs('note') && <Field label="办结说明" value={input.note} onChange={(note) => set({ note })} maxLength={MAX_CASE_TEXT_CHARS} multiline placeholder="如：摊贩已劝离，人行道恢复通行" testId="move-note" />}
      {needs('reason') && <Field label="原因" value={input.reason} onChange={(reason) => set({ reason })} maxLength={500} multiline testId="move-reason" />}
      {action.takesPhotos && (
        <View>
          <Text className="field__label">处理后照片（报事人可对比处理前后）</Text>
          <PhotoPicker photos={after.photos} onAdd={() => void after.uploads.addFromDevice()} onRetry={after.uploads.retryPhoto} onRemove={after.uploads.removePhoto} />
        </View>
      )}
      <Button block kind={action.tone === 'danger' ? 'danger' : 'primary'} loading={send.busy} testId="move-submit" onClick={() => void send.run()}>
        确认{action.label}
      </Button>
      {send.failure && (
        <Text className="message message--error" data-testid="move-message">
          {send.failure}
        </Text>
      )}
    </Sheet>
  );
}

/** Open cases of the same category near this one: the one it duplicates is picked from them. */
function MergeTargets({ subject, value, onChange }: { subject: StaffCaseView; value: string; onChange: (id: string) => void }) {
  const near = useQuery(['staff', 'merge-targets', subject.id], () => cases.nearby({ lat: subject.lat, lng: subject.lng }, subject.category, MERGE_RADIUS_M));
  if (near.state.status !== 'success') return <Text className="muted">{near.state.status === 'error' ? '附近案件加载失败' : '正在查找附近的案件…'}</Text>;
  const options = near.state.data.items.filter((c) => c.id !== subject.id);
  if (!options.length) return <Text className="muted" data-testid="merge-none">附近没有同类未办结的案件</Text>;
  return (
    <View data-testid="merge-targets">
      <Text className="field__label">合并到（附近同类未办结案件）</Text>
      {options.map((c) => (
        <View key={c.id} className={`staff-item${c.id === value ? ' staff-item--on' : ''}`} data-testid="merge-target" onClick={() => onChange(c.id)}>
          <Text className="block">{c.description ?? c.categoryName}</Text>
          <Text className="muted">
            {Math.round(c.distanceM)} 米 · {c.followers} 人反映 {c.id === value ? ' · 已选' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The other stations a lead may hand the case to. */
function TransferTargets({ subject, value, onChange }: { subject: StaffCaseView; value: string; onChange: (id: string) => void }) {
  const all = useQuery(queryKeys.stations.list(), () => stations.list());
  if (all.state.status !== 'success') return <Text className="muted">{all.state.status === 'error' ? '工作站加载失败' : '正在加载工作站…'}</Text>;
  const options = all.state.data.items.filter((s) => s.id !== subject.stationId).map((s) => ({ key: s.id, label: s.name.replace(/^海安市城管局/, '') }));
  return (
    <View data-testid="transfer-targets">
      <Text className="field__label">转派到</Text>
      <Chips options={options} value={value || null} onChange={(id) => onChange(id ?? '')} testId="transfer-station" />
    </View>
  );
}
