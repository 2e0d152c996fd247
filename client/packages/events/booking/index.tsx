import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BookingView } from '@citycare/shared';
import { bookings, invalidate, queryKeys, useQuery } from '../../../api';
import Badge from '../../../components/Badge';
import Button from '../../../components/Button';
import QrCode from '../../../components/QrCode';
import QueryStatus from '../../../components/QueryStatus';
import Screen from '../../../components/Screen';
import Sheet from '../../../components/Sheet';
import { bookingBadge, waitlistNote } from '../../../features/events/booking-status';
import { useAction } from '../../../hooks/useAction';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { formatDateTime, formatTimeRange } from '../../../services/format';
import './index.css';

/** One booking: the code as a QR for the officer, waitlist position, cancel until the cut-off. */
export default function BookingPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(id ? queryKeys.bookings.detail(id) : null, () => bookings.get(id));
  // A waiting resident pulls down to see their place in line move (or their seat arrive).
  usePullRefresh(query.refresh);
  const { state } = query;
  if (state.status !== 'success') {
    return (
      <Screen>
        <QueryStatus state={state} onRetry={() => void query.refresh()} signInBack="bookings" skeleton={1} />
      </Screen>
    );
  }
  return <BookingCard booking={state.data} />;
}

function BookingCard({ booking }: { booking: BookingView }) {
  const badge = bookingBadge(booking.status);
  const note = waitlistNote(booking);
  const [confirming, setConfirming] = useState(false);
  const cancel = useAction(async () => {
    setConfirming(false);
    await bookings.cancel(booking.id);
    invalidate(queryKeys.bookings.all());
    invalidate(queryKeys.events.all());
  });

  return (
    <Screen testId="booking-page">
      <View className="section gap-top booking">
        <Text className="section__title">{booking.event.title}</Text>
        <Text className="muted booking__line">
          {booking.event.stationName} · {booking.event.place}
        </Text>
        <Text className="booking__line">
          {formatTimeRange(booking.session.startAt, booking.session.endAt)} · {booking.partySize} 人
        </Text>
        <View className="booking__status">
          <Badge tone={badge.tone} text={badge.text} testId="booking-page-status" />
        </View>
        {booking.status === 'confirmed' && (
          <View className="booking__qr">
            <QrCode value={booking.code} testId="booking-qr" />
            <Text className="booking__code" data-testid="booking-code">
              {booking.code}
            </Text>
            <Text className="muted">到场后请向工作人员出示此码签到</Text>
          </View>
        )}
        {note && (
          <Text className="booking__waitlist" data-testid="booking-waitlist">
            {note}
          </Text>
        )}
        {booking.checkedInAt && <Text className="muted booking__line">已于 {formatDateTime(booking.checkedInAt)} 签到</Text>}
        {cancel.failure && <Text className="message message--error">{cancel.failure}</Text>}
        {booking.canCancel && (
          <View className="gap-top">
            <Button kind="danger" block loading={cancel.busy} testId="booking-cancel" onClick={() => setConfirming(true)}>
              取消预约
            </Button>
            <Text className="muted booking__line">可取消至 {formatDateTime(booking.session.cancelCutoffAt)}</Text>
          </View>
        )}
      </View>
      <Sheet open={confirming} title="取消预约" onClose={() => setConfirming(false)}>
        <Text className="booking__line">确定取消这次预约吗？名额将让给候补的居民。</Text>
        <View className="gap-top">
          <Button kind="danger" block testId="booking-cancel-confirm" onClick={() => void cancel.run()}>
            确认取消
          </Button>
        </View>
      </Sheet>
    </Screen>
  );
}
