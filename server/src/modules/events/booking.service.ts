import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { partyFits } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { NotificationService } from '../notifications/notification.service';
import { newBookingCode } from './booking-code';
import type { BookingDoc, CancelledBookingDoc } from './booking.model';
import { toObjectId } from '../../common/object-id';
import { EventStore } from './event-store';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';
import { sessionCancelledNotice } from './event-notices';
import { freeSeats, SeatService } from './seat.service';
import { bookingRefusal, cancelRefusal } from './session-rules';
import type { WaitlistDoc } from './waitlist.model';
import { WaitlistService } from './waitlist.service';

const INSERT_ATTEMPTS = 5;
/** A booking still pending after this was cut short by a crash; its owner may book again. */
export const STALE_PENDING_MS = 60_000;

/** A booking just made, with what its view needs and the service already has. */
export interface NewBooking {
  booking: BookingDoc;
  session: EventSessionDoc;
  event: EventDoc;
  /** Its waitlist position when it waits. */
  position: number | null;
}

/** A resident booking a session (seats or the waitlist) and cancelling it. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BookingService {
  @Inject()
  store!: EventStore;

  @Inject()
  seats!: SeatService;

  @Inject()
  waitlist!: WaitlistService;

  @Inject()
  notifications!: NotificationService;

  /**
   * bookSeat: claim the booking (one per resident per session, by unique
   * index), then all of its seats or none; without seats, or when others are
   * already waiting (they come first), join the waitlist.
   */
  async book(user: AuthUser, sessionId: string, partySize: number): Promise<NewBooking> {
    const session = await this.store.session(sessionId);
    // The event too, read after the session: a session whose add died between its insert and its
    // check of the event (EventAdminService.addSession) can outlive the event's cancel.
    const event = await this.store.event(session.eventId);
    const refusal = bookingRefusal(session, event, new Date());
    if (refusal) throw new AppError(refusal);
    if (!partyFits(partySize, session.capacity)) throw new AppError('PARTY_TOO_LARGE', `该场次共 ${session.capacity} 个名额，最多可预约 ${session.capacity} 人`);
    const booking = await this.insertPending(user, session, partySize);
    let entry: WaitlistDoc | null = null;
    const confirmedAt = new Date();
    try {
      if (await this.trySeat(session, booking)) {
        await this.store.bookings.updateOne({ _id: booking._id }, { $set: { status: 'confirmed', confirmedAt } });
      } else {
        // Marked waitlisted before it is in line, so a promoter never finds it pending.
        await this.store.bookings.updateOne({ _id: booking._id }, { $set: { status: 'waitlisted' } });
        entry = await this.waitlist.join(booking);
      }
    } catch (err) {
      await this.discard(booking);
      throw err;
    }
    // The session as it is now: called off meanwhile (its notice missed us), or cut below our party
    // (the answer then says so: BookingView.partyExceedsCapacity).
    const current = await this.store.session(session._id);
    await this.noticeIfCalledOff(event, current, booking);
    if (!entry) return { booking: { ...booking, status: 'confirmed', confirmedAt }, session: current, event, position: null };
    // Seats may have freed while we joined, or the claim only lost races: let the line move (maybe us).
    const moved = await this.waitlist.promote(current);
    const now = moved ? ((await this.store.bookings.findById(booking._id).lean<BookingDoc>()) ?? booking) : { ...booking, status: 'waitlisted' as const };
    return { booking: now, session: current, event, position: now.status === 'waitlisted' ? entry.position : null };
  }

  /**
   * Seats for a new booking when they are free and nobody is waiting (those in
   * line come first); the taken seats read here are the claim's first round.
   */
  private async trySeat(session: EventSessionDoc, booking: BookingDoc): Promise<boolean> {
    const taken = await this.seats.takenSeats(session._id);
    if (freeSeats(session.capacity, taken).length < booking.partySize) return false;
    if (!(await this.waitlist.isEmpty(session._id))) return false;
    return !!(await this.seats.claim(session, booking._id, booking.partySize, taken));
  }

  /**
   * Cancels a resident's own booking: the seats go back and the waitlist moves
   * up. The booking is archived (same id), so a second cancel answers the same.
   */
  async cancel(user: AuthUser, bookingId: string): Promise<CancelledBookingDoc> {
    const _id = toObjectId(bookingId);
    const userId = new Types.ObjectId(user.id);
    const booking = _id && (await this.store.bookings.findOne({ _id, userId }).lean<BookingDoc>());
    if (!booking) {
      const archived = _id && (await this.store.cancelledBookings.findOne({ _id, userId }).lean<CancelledBookingDoc>());
      if (archived) return archived;
      throw new AppError('BOOKING_NOT_FOUND');
    }
    if (booking.status === 'pending') throw new AppError('CONCURRENT_UPDATE', '预约正在处理中，请稍后再试');
    const session = await this.store.session(booking.sessionId);
    const refusal = cancelRefusal(booking.status, session, new Date());
    if (refusal) throw new AppError(refusal);
    const checkin = await this.store.checkins.findOne({ bookingId: booking._id }).lean();
    if (checkin) throw new AppError('ALREADY_CHECKED_IN', '已签到的预约不能取消');
    const archived: CancelledBookingDoc = { ...booking, status: 'cancelled', wasStatus: booking.status, cancelledAt: new Date() };
    await this.store.cancelledBookings.create(archived).catch((err) => {
      if (!isDuplicateKey(err)) throw err; // a racing cancel archived it first
    });
    // The booking first, then its seats: a promoter that seated it meanwhile sees it gone and frees them too.
    await this.store.bookings.deleteOne({ _id: booking._id });
    await this.store.waitlist.deleteMany({ bookingId: booking._id });
    await this.seats.releaseBooking(session._id, booking._id);
    await this.waitlist.promote(session);
    return archived;
  }

  private async insertPending(user: AuthUser, session: EventSessionDoc, partySize: number): Promise<BookingDoc> {
    const userId = new Types.ObjectId(user.id);
    for (let attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
      try {
        const doc = await this.store.bookings.create({
          sessionId: session._id,
          eventId: session.eventId,
          stationId: session.stationId,
          userId,
          partySize,
          code: newBookingCode(),
          status: 'pending',
          confirmedAt: null,
          createdAt: new Date(),
        });
        return doc.toObject();
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing = await this.store.bookings.findOne({ sessionId: session._id, userId }).lean<BookingDoc>();
        if (!existing) continue; // the code was taken: draw another
        if (existing.status !== 'pending' || Date.now() - existing.createdAt.getTime() < STALE_PENDING_MS) throw new AppError('ALREADY_BOOKED');
        await this.discard(existing);
      }
    }
    throw new Error(`booking: no unique insert after ${INSERT_ATTEMPTS} attempts`);
  }

  /** A booking a crash left pending (PendingBookingsJob): undone, and the line moves up into any seats it held. */
  async sweepStale(booking: BookingDoc): Promise<void> {
    await this.discard(booking);
    await this.waitlist.promote(await this.store.session(booking.sessionId));
  }

  /** Undoes a booking that could not be completed: nothing of it may stay behind. */
  private async discard(booking: BookingDoc): Promise<void> {
    await this.store.bookings.deleteOne({ _id: booking._id });
    await this.store.waitlist.deleteMany({ bookingId: booking._id });
    await this.seats.releaseBooking(booking.sessionId, booking._id);
  }

  /** A session called off while this booking was being made: its cancel notice missed us, so send it. */
  private async noticeIfCalledOff(event: EventDoc, session: EventSessionDoc, booking: BookingDoc): Promise<void> {
    if (!session.cancelled) return;
    await this.notifications.enqueue([booking.userId], sessionCancelledNotice(event, session));
  }
}
