import { Text, View } from '@tarojs/components';
import { EVENT_KIND_LABELS, type EventView } from '@citycare/shared';
import { formatTimeRange } from '../../services/format';
import { go } from '../../services/router';
import Badge from '../Badge';
import './index.css';

/** An upcoming open day or meeting: its next session and the seats left. */
export default function EventCard({ event }: { event: EventView }) {
  const next = event.sessions.find((s) => !s.cancelled);
  const seatsLeft = event.sessions.reduce((sum, s) => sum + (s.cancelled ? 0 : s.seatsLeft), 0);
  return (
    <View className="event-card" hoverClass="event-card--pressed" data-testid="event-card" onClick={() => void go('eventDetail', { id: event.id })}>
      <View className="row row--between">
        <Text className="event-card__title">{event.title}</Text>
        <Badge tone="info" text={EVENT_KIND_LABELS[event.kind]} />
      </View>
      <Text className="event-card__meta">
        {event.stationName} · {event.place}
      </Text>
      {next && <Text className="event-card__meta">{formatTimeRange(next.startAt, next.endAt)}</Text>}
      <Text className={`event-card__seats${seatsLeft === 0 ? ' event-card__seats--full' : ''}`} data-testid="event-seats">
        {seatsLeft > 0 ? `剩余 ${seatsLeft} 个名额` : '已约满，可候补'}
      </Text>
    </View>
  );
}
