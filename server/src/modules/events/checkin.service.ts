import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { chinaTime, maskPhone, partyPassedOver, type AttendanceList, type AttendanceRow, type CheckinResult } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { authorize, can } from '../../common/permissions';
import { isDuplicateKey } from '../../common/mongo-errors';
import { UserService } from '../users/user.service';
import { normalizeBookingCode } from './booking-code';
import type { BookingDoc } from './booking.model';
import type { CheckinDoc } from './checkin.model';
import type { EventSessionDoc } from './event-session.model';
import { EventQueryService } from './event-query.service';
import { EventStore } from './event-store';
import { toEventSummary } from './event.view';
import type { WaitlistDoc } from './waitlist.model';
import { WaitlistService } from './waitlist.service';

/** At the door: officers of the station check bookings in by code and keep the attendance list. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CheckinService {
  @Inject()
  store!: EventStore;

  @Inject()
  events!: EventQueryService;

  @Inject()
  waitlist!: WaitlistService;

  @Inject()
  users!: UserService;

  /**
   * Checks a booking in, once: the check-in is a unique insert per booking, so
   * a second scan (or two officers at once) gets ALREADY_CHECKED_IN with the time.
   */
  async checkIn(user: AuthUser, rawCode: string, sessionId?: string): Promise<CheckinResult> {
    const code = normalizeBookingCode(rawCode);
    const booking = code ? await this.store.bookings.findOne({ code }).lean<BookingDoc>() : null;
    // Bookings of other stations do not exist for this officer.
    if (!booking || !can(user, 'event.checkin', { stationId: booking.stationId.toHexString() })) throw await this.unknownCode(user, code);
    if (sessionId && booking.sessionId.toHexString() !== sessionId) throw new AppError('BOOKING_NOT_FOUND', '该预约码不属于本场次');
    const session = await this.store.session(booking.sessionId);
    if (session.cancelled) throw new AppError('SESSION_CANCELLED');
    if (booking.status !== 'confirmed') throw new AppError('BOOKING_WAITLISTED');
    const at = new Date();
    try {
      await this.store.checkins.create({ bookingId: booking._id, sessionId: session._id, byUserId: new Types.ObjectId(user.id), at });
      await this.store.bookings.updateOne({ _id: booking._id }, { $set: { checkedInAt: at } });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const first = await this.store.checkins.findOne({ bookingId: booking._id }).lean<CheckinDoc>();
      const when = first?.at ?? at;
      // A crash between the check-in and its copy on the booking is mended by the next scan.
      if (first && !booking.checkedInAt) await this.store.bookings.updateOne({ _id: booking._id }, { $set: { checkedInAt: first.at } });
      throw new AppError('ALREADY_CHECKED_IN', `该预约已于 ${chinaTime(when)} 签到`, [
        { field: 'checkedInAt', code: 'ALREADY_CHECKED_IN', message: when.toISOString() },
      ]);
    }
    const list = await this.attendanceOf(session, [booking]);
    return { checkedInAt: at.toISOString(), attendee: list.items[0], session: list.session, event: list.event };
  }

  /** Everyone booked for a session (confirmed, then waitlisted in order), with check-ins and totals. */
  async attendance(user: AuthUser, sessionId: string): Promise<AttendanceList> {
    const session = await this.store.session(sessionId);
    authorize(user, 'event.checkin', { stationId: session.stationId.toHexString() });
    const bookings = await this.store.bookings.find({ sessionId: session._id, status: { $in: ['confirmed', 'waitlisted'] } }).sort({ createdAt: 1 }).lean<BookingDoc[]>();
    return this.attendanceOf(session, bookings);
  }

  private async attendanceOf(session: EventSessionDoc, bookings: BookingDoc[]): Promise<AttendanceList> {
    const ids = bookings.map((b) => b._id);
    const [event, people, checkins, entries] = await Promise.all([
      this.store.event(session.eventId),
      this.users.contacts(bookings.map((b) => b.userId)),
      this.store.checkins.find({ bookingId: { $in: ids } }).lean<CheckinDoc[]>(),
      this.store.waitlist.find({ bookingId: { $in: ids } }).sort({ position: 1 }).lean<WaitlistDoc[]>(),
    ]);
    const [sessionView] = await this.events.sessionViews([session], [event], new Date());
    const checkedIn = new Map(checkins.map((c) => [c.bookingId.toHexString(), c.at]));
    const rank = new Map(await Promise.all(entries.map(async (w) => [w.bookingId.toHexString(), await this.waitlist.rank(w, session.capacity)] as const)));
    const rows: AttendanceRow[] = bookings.map((b) => {
      const key = b._id.toHexString();
      const p = people.get(b.userId.toHexString());
      return {
        bookingId: key,
        code: b.code,
        name: p?.name || '居民',
        phone: p?.phone ? maskPhone(p.phone) : null,
        partySize: b.partySize,
        status: b.status === 'confirmed' ? 'confirmed' : 'waitlisted',
        waitlistPosition: rank.get(key) ?? null,
        partyExceedsCapacity: partyPassedOver(b, session.capacity),
        checkedInAt: checkedIn.get(key)?.toISOString() ?? null,
      };
    });
    rows.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const arrived = confirmed.filter((r) => r.checkedInAt);
    const stationName = (await this.events.stationNames([event.stationId])).get(event.stationId.toHexString()) ?? '';
    return {
      session: sessionView,
      event: toEventSummary(event, stationName, 'staff'),
      items: rows,
      totals: {
        bookings: confirmed.length,
        people: sum(confirmed),
        checkedInBookings: arrived.length,
        checkedInPeople: sum(arrived),
        waitlisted: rows.length - confirmed.length,
      },
    };
  }

  /** A code that is no live booking of the officer's station: say "cancelled" only to its own station. */
  private async unknownCode(user: AuthUser, code: string | null): Promise<AppError> {
    const cancelled = code ? await this.store.cancelledBookings.findOne({ code }).sort({ cancelledAt: -1 }).lean() : null;
    if (cancelled && can(user, 'event.checkin', { stationId: cancelled.stationId.toHexString() })) {
      return new AppError('BOOKING_NOT_FOUND', '该预约已取消');
    }
    return new AppError('BOOKING_NOT_FOUND', '没有找到这个预约码，请核对后重试');
  }
}

function sum(rows: AttendanceRow[]): number {
  return rows.reduce((n, r) => n + r.partySize, 0);
}
