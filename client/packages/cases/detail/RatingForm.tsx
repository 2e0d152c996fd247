import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { RATING_CLOSE_MIN, RATING_REOPEN_MAX } from '@citycare/shared';
import { cases, invalidate, queryKeys } from '../../../api';
import Button from '../../../components/Button';
import Field from '../../../components/Field';
import StarRating from '../../../components/StarRating';
import { useAction } from '../../../hooks/useAction';

/** Rate a resolved case once; the resident is told first that ≤2 stars sends it back (重办). */
export default function RatingForm({ caseId }: { caseId: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const send = useAction(async () => {
    await cases.rate(caseId, score, comment.trim() || undefined);
    invalidate(queryKeys.cases.all());
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
