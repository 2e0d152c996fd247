import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { RATING_CLOSE_MIN, RATING_REOPEN_MAX } from '@citycare/shared';
import { cases, invalidate, messageOf, queryKeys } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import StarRating from '../../../components/StarRating';

/** Rate a resolved case once; the resident is told first that ≤2 stars sends it back (重办). */
export default function RatingForm({ caseId }: { caseId: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (): Promise<void> => {
    setSending(true);
    setFailure(null);
    try {
      await cases.rate(caseId, score, comment.trim() || undefined);
      invalidate(queryKeys.cases.all());
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="section" data-testid="rating-form">
      <Text className="section__title">评价处理结果</Text>
      <Text className="case-detail__notice" data-testid="rating-notice">
        {`≤${RATING_REOPEN_MAX} 星将重新办理；${RATING_CLOSE_MIN} 星及以上视为满意并结案`}
      </Text>
      <StarRating value={score} onChange={setScore} />
      <Field label="评价内容（选填）" value={comment} onChange={setComment} maxLength={300} multiline testId="rating-comment" />
      {score > 0 && score <= RATING_REOPEN_MAX && (
        <Text className="case-detail__notice" data-testid="rating-reopen-warning">
          提交后此问题将退回工作站重新办理
        </Text>
      )}
      {failure && <Text className="case-detail__error">{failure}</Text>}
      <Button block disabled={score === 0} loading={sending} testId="rating-submit" onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}
