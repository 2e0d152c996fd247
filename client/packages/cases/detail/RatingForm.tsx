import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RATING_CLOSE_MIN, RATING_REOPEN_MAX, type CaseDetail } from '@citycare/shared';
import { cases, invalidate, isApiError, queryKeys } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import StarRating from '../../../components/StarRating';
import { useAction } from '../../../hooks/useAction';

interface Props {
  caseId: string;
  /** The case with my rating: the page shows it at once (this form goes away with it). */
  onRated: (detail: CaseDetail) => void;
}

/** Rate a resolved case once; the resident is told first that ≤2 stars sends it back (重办). */
export default function RatingForm({ caseId, onRated }: Props) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const send = useAction(async () => {
    const detail = await rateOnce(caseId, score, comment.trim() || undefined);
    // My lists and 待评价 on 首页; this page shows the answer itself (onRated), so it is not read again.
    invalidate(queryKeys.cases.mine());
    invalidate(queryKeys.cases.following());
    onRated(detail);
    void Taro.showToast({ title: '评价已提交', icon: 'success' });
  });

  return (
    <View className="section" data-testid="rating-form">
      <Text className="section__title">评价处理结果</Text>
      <Text className="message message--warning" data-testid="rating-notice">
        {`≤${RATING_REOPEN_MAX} 星将重新办理；${RATING_CLOSE_MIN} 星及以上视为满意并结案`}
      </Text>
      <StarRating value={score} onChange={setScore} />
      <Field label="评价内容（选填）" value={comment} onChange={setComment} maxLength={300} multiline testId="rating-comment" />
      {score > 0 && score <= RATING_REOPEN_MAX && (
        <Text className="message message--warning" data-testid="rating-reopen-warning">
          提交后此问题将退回工作站重新办理
        </Text>
      )}
      {send.failure && <Text className="message message--error">{send.failure}</Text>}
      <Button block disabled={score === 0} loading={send.busy} testId="rating-submit" onClick={() => void send.run()}>
        提交评价
      </Button>
    </View>
  );
}

/**
 * The case with my rating in it. ALREADY_RATED means an earlier send landed (a second tap, or a
 * retry after its answer was lost): that is done too, so the case is read again instead.
 */
async function rateOnce(caseId: string, score: number, comment?: string): Promise<CaseDetail> {
  try {
    return await cases.rate(caseId, score, comment);
  } catch (error) {
    if (isApiError(error) && error.code === 'ALREADY_RATED') return cases.get(caseId);
    throw error;
  }
}
