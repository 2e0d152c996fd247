import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { isValidSessionTimes, type CreateEventBody, type CreateSessionBody, type SessionTimes, type UpdateEventBody, type UpdateSessionBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { createIdempotently, keyLedger } from '../../common/idempotent-creation';
import { authorize } from '../../common/permissions';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { NotificationService } from '../notifications/notification.service';
import { StationService } from '../stations/station.service';
import { ContentCheck } from '../wechat/content-check';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';
import { EventStore } from './event-store';
import { sessionCancelledNotice } from './event-notices';
import { SessionCapacityService } from './session-capacity.service';

/** A session as a lead's change left it, with its event (what a session's view needs). */
export interface SessionOfEvent {
  session: EventSessionDoc;
  event: EventDoc;
}

/** Leads and admins running their station's open days and meetings: events and sessions. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EventAdminService {
  @Inject()
  store!: EventStore;

  @Inject()
  stations!: StationService;

  @Inject()
  contentCheck!: ContentCheck;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  notifications!: NotificationService;

  @Inject()
  capacity!: SessionCapacityService;

  /** A new event of the lead's station; with an Idempotency-Key a form sent again after a lost answer makes one. */
  async createEvent(user: AuthUser, body: CreateEventBody, key: string | null = null): Promise<EventDoc> {
    authorize(user, 'event.manage');
    const stationId = body.stationId ?? user.stationId;
    if (!stationId) throw new AppError('VALIDATION_FAILED', '请选择活动所属的工作站', [{ field: 'stationId', code: 'VALIDATION_FAILED', message: '管理员创建活动时须指定工作站' }]);
    authorize(user, 'event.manage', { stationId });
    const station = await this.stations.getById(stationId);
    const create = async (id: Types.ObjectId) => {
      await this.contentCheck.assertPublishable(user.openid, [body.title, body.description, body.place]);
      const photos = await this.attachments.claim(user.id, body.photos);
      // Attached before the event exists: a crash after the insert leaves no event with loose photos.
      await this.attachments.attach({ kind: 'event', id }, photos);
      return this.store.addEvent({
        _id: id,
        stationId: new Types.ObjectId(station.id),
        community: station.community,
        title: body.title,
        kind: body.kind,
        description: body.description,
        place: body.place,
        photos,
        cancelledAt: null,
        createdBy: new Types.ObjectId(user.id),
      });
    };
    const ledger = this.ledger(user, key && `event:${key}`);
    return createIdempotently({ ledger, body, create, load: (id) => this.store.events.findById(id).lean<EventDoc>() });
  }

  async updateEvent(user: AuthUser, id: string, body: UpdateEventBody): Promise<EventDoc> {
    const event = await this.manageable(user, id);
    if (event.cancelledAt) throw new AppError('SESSION_CANCELLED', '该活动已取消，不能再修改');
    await this.contentCheck.assertPublishable(user.openid, [body.title, body.description, body.place]);
    const { photos, ...fields } = body;
    const set: Record<string, unknown> = { ...fields };
    if (photos) set.photos = await this.attachments.replace(user.id, { kind: 'event', id: event._id }, event.photos, photos);
    await this.store.writeEvent(event._id, set);
    return this.store.event(event._id);
  }

  /**
   * Cancels the event and every session still to come; each booked or waiting
   * resident is told. Sessions already under way or held stay as they were: their
   * residents came. The sessions go first and the event last: an event shown
   * cancelled has no session left to book, even when this fails part-way.
   * Repeating it finishes the work, notices included (callOff).
   *
   * A session added meanwhile (addSession read the event before the mark) is
   * called off by one side or the other, without a transaction: the add inserts
   * its session and then reads the event; this marks the event and then looks
   * for sessions again. If the add's read comes before the mark, so did its
   * insert, and the second look finds the session; if it comes after, the add
   * sees the mark and calls its own session off. Both may: callOff repeats safely.
   * (An add that dies between its insert and its read leaves its session on;
   * booking refuses it because the event is cancelled: BookingService.book.)
   */
  async cancelEvent(user: AuthUser, id: string): Promise<EventDoc> {
    const event = await this.manageable(user, id);
    for (const session of await this.comingSessions(event._id)) await this.callOff(event, session);
    if (!event.cancelledAt) await this.store.writeEvent(event._id, { cancelledAt: new Date() });
    for (const session of await this.comingSessions(event._id, { cancelled: false })) await this.callOff(event, session);
    return this.store.event(event._id);
  }

  /** A new session of the event; with an Idempotency-Key a form sent again after a lost answer makes one. */
  async addSession(user: AuthUser, eventId: string, body: CreateSessionBody, key: string | null = null): Promise<SessionOfEvent> {
    const event = await this.manageable(user, eventId);
    if (event.cancelledAt) throw eventCalledOff();
    const create = async (id: Types.ObjectId) => {
      const times = withDefaults(body, new Date());
      if (times.endAt <= new Date()) throw dateRange('场次结束时间必须在将来');
      const session = await this.store.addSession({ _id: id, eventId: event._id, stationId: event.stationId, ...times, capacity: body.capacity, cancelled: false, cancelledAt: null });
      // Cancelled since we read it: the cancel may have looked for sessions before ours existed (cancelEvent says why this read is enough).
      const now = await this.store.event(event._id);
      if (now.cancelledAt) {
        await this.callOff(now, session);
        throw eventCalledOff();
      }
      return session;
    };
    const ledger = this.ledger(user, key && `session:${event._id.toHexString()}:${key}`);
    const session = await createIdempotently({ ledger, body, create, load: (id) => this.store.sessions.findById(id).lean<EventSessionDoc>() });
    return { session, event };
  }

  /** The lead's (scoped) Idempotency-Key of a new event or session, when one was sent. */
  private ledger(user: AuthUser, key: string | null) {
    return keyLedger(this.store.requests, 'targetId', new Types.ObjectId(user.id), key);
  }

  async updateSession(user: AuthUser, sessionId: string, body: UpdateSessionBody): Promise<SessionOfEvent> {
    const session = await this.store.session(sessionId);
    const event = await this.manageable(user, session.eventId);
    if (session.cancelled) throw new AppError('SESSION_CANCELLED');
    const { capacity, ...timeChanges } = body;
    const times = { ...pickTimes(session), ...timeChanges };
    if (!isValidSessionTimes(times)) throw dateRange();
    // Capacity first: when it is refused (409), the times stay as they were too.
    if (capacity !== undefined && capacity !== session.capacity) await this.capacity.resize(session._id, capacity);
    if (Object.keys(timeChanges).length > 0) await this.store.writeSession(session._id, timeChanges);
    return { session: await this.store.session(session._id), event };
  }

  /** Calls a session off; repeating it sends whatever notices an attempt that failed part-way left unsent. */
  async cancelSession(user: AuthUser, sessionId: string): Promise<SessionOfEvent> {
    const session = await this.store.session(sessionId);
    const event = await this.manageable(user, session.eventId);
    await this.callOff(event, session);
    return { session: await this.store.session(session._id), event };
  }

  /** The event, if the user may manage it (FORBIDDEN otherwise: events are public, so not a 404). */
  private async manageable(user: AuthUser, id: string | Types.ObjectId): Promise<EventDoc> {
    const event = await this.store.event(id);
    authorize(user, 'event.manage', { stationId: event.stationId.toHexString() });
    return event;
  }

  /** The event's sessions not yet started (those already held stay as they were), optionally only some of them. */
  private comingSessions(eventId: Types.ObjectId, only: { cancelled?: false } = {}): Promise<EventSessionDoc[]> {
    return this.store.sessions.find({ eventId, startAt: { $gt: new Date() }, ...only }).lean<EventSessionDoc[]>();
  }

  /**
   * Calls a session off and tells everyone holding or waiting for a seat. Safe
   * to repeat: the notices are queued again each time and the outbox keeps one
   * per resident (unique {dedupeKey, userId}: notifications/outbox.model.ts), so
   * a retry after a failure part-way sends only the missing ones.
   */
  private async callOff(event: EventDoc, session: EventSessionDoc): Promise<void> {
    if (!session.cancelled) await this.store.writeSession(session._id, { cancelled: true, cancelledAt: new Date() });
    // A booking racing this cancel notifies itself (BookingService).
    const userIds = await this.store.bookings.distinct('userId', { sessionId: session._id });
    await this.notifications.enqueue(userIds as Types.ObjectId[], sessionCancelledNotice(event, session));
  }
}

function pickTimes(s: SessionTimes): SessionTimes {
  return { startAt: s.startAt, endAt: s.endAt, bookingOpensAt: s.bookingOpensAt, bookingClosesAt: s.bookingClosesAt, cancelCutoffAt: s.cancelCutoffAt };
}

/** Booking opens now and closes at the start; residents may cancel until the start. */
function withDefaults(body: CreateSessionBody, now: Date): SessionTimes {
  const times = {
    startAt: body.startAt,
    endAt: body.endAt,
    bookingOpensAt: body.bookingOpensAt ?? now,
    bookingClosesAt: body.bookingClosesAt ?? body.startAt,
    cancelCutoffAt: body.cancelCutoffAt ?? body.startAt,
  };
  if (!isValidSessionTimes(times)) throw dateRange();
  return times;
}

function eventCalledOff(): AppError {
  return new AppError('SESSION_CANCELLED', '该活动已取消，不能再添加场次');
}

function dateRange(reason = '须满足：开放预约 < 截止预约 ≤ 开始 < 结束，取消截止 ≤ 开始'): AppError {
  return new AppError('INVALID_DATE_RANGE', `场次时间不正确：${reason}`);
}
