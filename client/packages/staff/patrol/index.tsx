import { Text, View } from '@tarojs/components';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useState } from 'react';
import { CASE_STATUS_LABELS, chinaDate, type PatrolProblemBody, type PatrolView } from '@citycare/shared';
import { invalidate, newIdempotencyKey, queryKeys, useQuery } from '../../../api';
import { patrols } from '../../../api/staff';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import PhotoGrid from '../../../components/Photo';
import PhotoPicker from '../../../components/PhotoPicker';
import QueryStatus from '../../../components/QueryStatus';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import { uploadedMediaIds } from '../../../features/photos/photos';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../services/format';
import { go } from '../../../services/router';
import { useAppState } from '../../../store/app-store';
import { photosProblem, usePhotoText } from '../case/photo-text';
import { useCategoryName } from '../../../features/staff/categories';
import { defaultPatrolStart, startWithinDay } from '../../../features/staff/patrol-start';
import { CsvExportButton, CsvExportResult, useCsvExport } from '../CsvExport';
import ProblemSheet from './ProblemSheet';
import '../staff.css';

export default function PatrolPage() {
  return (
    <RoleGate roles={['officer', 'lead']}>
      <Patrol />
    </RoleGate>
  );
}

/** 巡查台账: today's logs (a lead: the whole station's, with CSV export), and a new log with problems found. */
function Patrol() {
  const lead = useAppState((s) => s.role === 'lead');
  const today = chinaDate(new Date());
  const day = useQuery(queryKeys.staff.patrols(today), () => patrols.day(today));
  // Once for the page: every log's problems are named from the same list.
  const categoryName = useCategoryName();
  usePullRefresh(day.refresh);
  const csv = useCsvExport(`巡查台账-${today}.csv`, () => patrols.exportCsv(today));

  return (
    <Screen className="staff" testId="patrol-page">
      <NewPatrol categoryName={categoryName} />
      <View className="section">
        <View className="row row--between">
          <Text className="section__title">{lead ? '本站今日台账' : '我的今日台账'}</Text>
          {lead && <CsvExportButton csv={csv} testId="patrol-export" />}
        </View>
        <CsvExportResult csv={csv} testId="patrol-export-result" />
        {day.state.status === 'success' ? (
          day.state.data.items.length ? (
            day.state.data.items.map((p) => <PatrolItem key={p.id} patrol={p} categoryName={categoryName} />)
          ) : (
            <Text className="muted block gap-top">今天还没有巡查记录</Text>
          )
        ) : (
          <QueryStatus state={day.state} onRetry={() => void day.refresh()} />
        )}
      </View>
    </Screen>
  );
}

function PatrolItem({ patrol, categoryName }: { patrol: PatrolView; categoryName: (code: string) => string }) {
  return (
    <View className="staff-item" data-testid="patrol-item">
      <Text className="block">
        {patrol.area} · {patrol.officerName}
      </Text>
      <Text className="muted block">
        {formatDateTime(patrol.startedAt)} – {formatDateTime(patrol.endedAt)}
      </Text>
      {patrol.notes && <Text className="body-text">{patrol.notes}</Text>}
      <PhotoGrid photos={patrol.photos} />
      {patrol.cases.map((c) => (
        <Text key={c.id} className="staff-link staff-link--on block" data-testid="patrol-case" onClick={() => void go('staffCase', { id: c.id })}>
          发现问题：{categoryName(c.category)} · {c.address} · {CASE_STATUS_LABELS[c.status]} ›
        </Text>
      ))}
    </View>
  );
}

function NewPatrol({ categoryName }: { categoryName: (code: string) => string }) {
  const [startedAt, setStartedAt] = useState(() => defaultPatrolStart(new Date()));
  const [area, setArea] = useState('');
  const [problems, setProblems] = useState<PatrolProblemBody[]>([]);
  const [finding, setFinding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = usePhotoText();

  const save = useAction(async () => {
    setSaved(null);
    const problem = !area.trim() ? '请填写巡查区域' : photosProblem(form.photos);
    if (problem) throw new Error(problem);
    const endedAt = new Date();
    const from = startWithinDay(startedAt < endedAt ? startedAt : new Date(endedAt.getTime() - 60_000), endedAt);
    const log = await patrols.create({ startedAt: from.toISOString(), endedAt: endedAt.toISOString(), area: area.trim(), notes: form.text.trim(), photos: uploadedMediaIds(form.photos), problems }, key);
    setArea('');
    setProblems([]);
    form.reset();
    setKey(newIdempotencyKey());
    setStartedAt(endedAt); // the next patrol starts where this one ended
    setSaved(log.cases.length ? `已保存，${log.cases.length} 个问题已立案` : '已保存');
    invalidate(queryKeys.staff.all());
  });

  return (
    <View className="section gap-top" data-testid="patrol-new">
      <Text className="section__title">记录巡查</Text>
      <Text className="muted block">开始于 {formatDateTime(startedAt.toISOString())}，保存时记为结束</Text>
      <Field label="巡查区域" value={area} onChange={setArea} maxLength={100} placeholder="如：中大街、星湖001 周边" testId="patrol-area" />
      <Field label="巡查记录" value={form.text} onChange={form.setText} maxLength={2000} multiline testId="patrol-notes" />
      <PhotoPicker photos={form.photos} onAdd={() => void form.uploads.addFromDevice()} onRetry={form.uploads.retryPhoto} onRemove={form.uploads.removePhoto} />
      {problems.map((p, i) => (
        <Text key={i} className="block message message--warning" data-testid="patrol-problem">
          发现问题 {i + 1}：{categoryName(p.category)} · {p.address}
        </Text>
      ))}
      <View className="row gap-top">
        <Button kind="secondary" testId="patrol-find" onClick={() => setFinding(true)}>
          发现问题
        </Button>
        <View className="staff-grow">
          <Button block loading={save.busy} testId="patrol-save" onClick={() => void save.run()}>
            保存台账
          </Button>
        </View>
      </View>
      {(save.failure || saved) && (
        <Text className={`message message--${save.failure ? 'error' : 'done'}`} data-testid="patrol-message">
          {save.failure ?? saved}
        </Text>
      )}
      {finding && <ProblemSheet onAdd={(p) => setProblems((list) => [...list, p])} onClose={() => setFinding(false)} />}
    </View>
  );
}
