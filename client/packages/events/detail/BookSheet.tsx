import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { EventSessionView } from '@citycare/shared';
import { invalidate, queryKeys } from '../../../api';
import Button from '../../../components/Button';
import Sheet from '../../../components/Sheet';
import { bookOrFindMine, partyLimit } from '../../../features/events/my-bookings';
import { useAction } from '../../../hooks/useAction';
import { formatTimeRange } from '../../../services/format';
import { go } from '../../../services/router';

/**
 * Party size (1–4, never more than the session holds) and 确认预约; a full session puts the
 * party on the waitlist (候补). Opened afresh for each session (the page gives it the session's
 * id as its key), so a party size or a failure never carries over to another session.
 */
export default function BookSheet({ session, onClose }: { session: EventSessionView | null; onClose: () => void }) {
  const [party, setParty] = useState(1);
  const book = useAction(async (sessionId: string) => {
    const booking = await bookOrFindMine(sessionId, party);
    invalidate(queryKeys.bookings.all());
    invalidate(queryKeys.events.all());
    onClose();
    await go('booking', { id: booking.id });
  });
  if (!session) return null;

  return (
    <Sheet open title="预约场次" onClose={onClose} testId="book-sheet">
      <Text className="event-detail__time">{formatTimeRange(session.startAt, session.endAt)}</Text>
      <View className="event-detail__party">
        <Text className="field__label">到场人数（含本人）</Text>
        <View className="row">
          <Button kind="plain" size="sm" disabled={party <= 1} testId="party-minus" onClick={() => setParty(party - 1)}>
            －
          </Button>
          <Text className="event-detail__party-count" data-testid="party-size">
            {party}
          </Text>
          <Button kind="plain" size="sm" disabled={party >= partyLimit(session)} testId="party-plus" onClick={() => setParty(party + 1)}>
            ＋
          </Button>
        </View>
      </View>
      <Text className="muted block">
        {session.seatsLeft >= party ? `剩余 ${session.seatsLeft} 个名额` : '名额不足时将进入候补，有人取消后按顺序递补'}
      </Text>
      {book.failure && <Text className="message message--error">{book.failure}</Text>}
      <View className="gap-top">
        <Button block loading={book.busy} testId="book-confirm" onClick={() => void book.run(session.id)}>
          确认预约
        </Button>
      </View>
    </Sheet>
  );
}
