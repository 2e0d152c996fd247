import { BOOKING_STATUS_LABELS, type BookingStatus } from '@citycare/shared';
import type { BadgeTone } from '../../components/Badge';

const TONES: Record<BookingStatus, BadgeTone> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'neutral' };

export function bookingBadge(status: BookingStatus): { text: string; tone: BadgeTone } {
  return { text: BOOKING_STATUS_LABELS[status], tone: TONES[status] };
}
