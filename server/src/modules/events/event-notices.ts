import { chinaTime } from '@citycare/shared';
import type { Notification } from '../notifications/notification.service';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';

/** The subscribe message sent to everyone booked or waiting when a session is called off. */
export function sessionCancelledNotice(event: Pick<EventDoc, '_id' | 'title'>, session: Pick<EventSessionDoc, '_id' | 'startAt'>): Notification {
  return {
    template: 'booking',
    dedupeKey: `session:${session._id.toHexString()}:cancelled`,
    page: `pages/event/index?id=${event._id.toHexString()}`,
    data: {
      thing1: { value: event.title.slice(0, 20) },
      time2: { value: chinaTime(session.startAt) },
      phrase3: { value: '场次取消' },
      thing4: { value: '很抱歉，本场活动已取消' },
    },
  };
}
