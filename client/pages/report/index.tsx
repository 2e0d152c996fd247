import { Switch, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '@citycare/shared';
import Button from '../../components/Button';
import Field from '../../components/Field';
import PhotoPicker from '../../components/PhotoPicker';
import Screen from '../../components/Screen';
import SignInPrompt from '../../components/SignInPrompt';
import { hasOwnDescriptionOrPhotos } from '../../features/report/draft';
import { isReady, locatedPlace, validateReport, type ReportErrors } from '../../features/report/form';
import { useReportCategories } from '../../features/report/useReportCategories';
import { useReportForm } from '../../features/report/useReportForm';
import { formatDateTime } from '../../services/format';
import { go } from '../../services/router';
import { useAppState } from '../../store/app-store';
import CategoryPicker from './CategoryPicker';
import NearbyCases from './NearbyCases';
import PlaceSection from './PlaceSection';
import ReportSummary from './ReportSummary';
import './index.css';

/** What the resident did last: sent a new case, or followed one nearby (我也遇到) instead. */
type Done = { kind: 'sent' | 'followed'; detail: CaseDetail };

/**
 * 随手拍: category with its promise, description, photos, place, nearby open cases of that
 * category (我也遇到), anonymous; summary, then send.
 */
export default function ReportPage() {
  const user = useAppState((s) => s.user);
  const report = useReportForm();
  const [errors, setErrors] = useState<ReportErrors>({});
  const [reviewing, setReviewing] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const { form } = report;
  const offered = useReportCategories();

  // Errors shown after a failed check follow the form as the resident fixes it.
  useEffect(() => {
    if (Object.keys(errors).length) setErrors(validateReport(form, offered));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form]);

  if (!user && process.env.TARO_ENV === 'h5') {
    return (
      <Screen tab testId="report-page">
        <SignInPrompt back="report" message="登录后即可随手拍，反映身边的城市管理问题" />
      </Screen>
    );
  }

  if (done) {
    const c = done.detail.case;
    return (
      <Screen tab testId="report-page">
        <View className="section report__sent" data-testid={done.kind === 'sent' ? 'report-sent' : 'report-followed'}>
          <Text className="report__sent-title">{done.kind === 'sent' ? '已提交，感谢您的反映' : '已关注，处理进展会通知您'}</Text>
          <Text className="muted">
            {done.kind === 'sent'
              ? `${c.stationName} 将在 ${formatDateTime(c.acceptBy)} 前受理`
              : `可在“我的报事 › 我关注的”查看 ${c.stationName} 的处理进度`}
          </Text>
          <View className="report__sent-actions">
            <Button testId="report-view-case" onClick={() => void go('caseDetail', { id: c.id })}>
              查看进度
            </Button>
            <Button kind="secondary" onClick={() => setDone(null)}>
              再拍一个
            </Button>
          </View>
        </View>
      </Screen>
    );
  }

  const review = (): void => {
    const found = validateReport(form, offered);
    setErrors(found);
    if (isReady(found)) setReviewing(true);
  };

  return (
    <Screen tab testId="report-page">
      <View className="hero">
        <Text className="hero__title">随手拍</Text>
        <Text className="hero__subtitle">拍下身边的城市管理问题，工作站按承诺时限处理</Text>
      </View>
      <View className="section hero__overlap">
        <CategoryPicker value={form.category} onChange={(category) => report.patch({ category })} error={errors.category} />
      </View>
      <View className="section">
        <Field
          label="问题描述"
          value={form.description}
          onChange={(description) => report.patch({ description })}
          placeholder="请描述问题的具体情况，如时间、持续多久"
          maxLength={500}
          multiline
          error={errors.description}
          testId="report-description"
        />
        <View className="report__label">
          <Text className="field__label">现场照片</Text>
          <Text className="muted">最多 9 张，自动压缩后上传</Text>
        </View>
        <PhotoPicker photos={form.photos} onAdd={() => void report.addFromDevice()} onRetry={report.retryPhoto} onRemove={report.removePhoto} />
        {errors.photos && <Text className="message message--error">{errors.photos}</Text>}
      </View>
      <View className="section">
        <PlaceSection form={form} onPatch={report.patch} error={errors.place} />
      </View>
      <NearbyCases
        category={form.category}
        place={locatedPlace(form.place)}
        draftToLose={hasOwnDescriptionOrPhotos(form)}
        onFollowed={(detail) => {
          report.discard();
          setDone({ kind: 'followed', detail });
        }}
      />
      <View className="section row row--between">
        <View>
          <Text className="field__label">匿名反映</Text>
          <Text className="muted block">开启后工作人员也看不到您的姓名和电话</Text>
        </View>
        <Switch checked={form.anonymous} onChange={(e) => report.patch({ anonymous: e.detail.value })} data-testid="report-anonymous" />
      </View>
      <View className="section row row--between">
        <View>
          <Text className="field__label">描述可公开</Text>
          <Text className="muted block">附近居民可看到问题描述（不含照片、地址和您的身份）</Text>
        </View>
        <Switch checked={form.publicDescription} onChange={(e) => report.patch({ publicDescription: e.detail.value })} data-testid="report-public-description" />
      </View>
      <View className="report__submit">
        <Button block testId="report-review" onClick={review}>
          下一步：确认信息
        </Button>
      </View>
      <ReportSummary
        open={reviewing}
        form={form}
        onClose={() => setReviewing(false)}
        submit={report.submit}
        onSent={(detail) => {
          setReviewing(false);
          setDone({ kind: 'sent', detail });
        }}
      />
    </Screen>
  );
}
