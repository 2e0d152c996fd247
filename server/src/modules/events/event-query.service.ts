import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import type { EventKind, EventList, EventSessionView, EventView } from '@citycare/shared';
import type { AuthUser } from '../../common/auth-user';
import type { Readers } from '../../common/public-text';
import { authorize } from '../../common/permissions';
import { PhotoUrls } from '../media/photo-urls';
import { StationService } from '../stations/station.service';
import type { EventDoc } from './event.model';
import type { EventSessionDoc } from './event-session.model';
import { EventStore } from './event-store';
import { SeatService } from './seat.service';
import { toEventView, toSessionView } from './event.view';

const UPCOMING_SESSIONS_SCANNED = 1000;

/** Reading events: the public list of what is coming, one event, a station's own list, seats left. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EventQueryService {
  @Inject()
  store!: EventStore;

  @Inject()
  seats!: SeatService;

  @Inject()
  stations!: StationService;

  @Inject()
  photoUrls!: PhotoUrls;

  /** Events with a session still to come, soonest first, with only those sessions. */
  async upcoming(filter: { stationId?: string; kind?: EventKind; limit?: number }): Promise<EventList> {
    const now = new Date();
    const where: FilterQuery<EventSessionDoc> = { endAt: { $gt: now }, cancelled: false };
    if (filter.stationId) where.stationId = new Types.ObjectId(filter.stationId);
    const sessions = await this.store.sessions.find(where).sort({ startAt: 1 }).limit(UPCOMING_SESSIONS_SCANNED).lean<EventSessionDoc[]>();
    const order = [...new Set(sessions.map((s) => s.eventId.toHexString()))];
    const events = await this.store.events
      .find({ _id: { $in: order.map((id) => new Types.ObjectId(id)) }, cancelledAt: null, ...(filter.kind ? { kind: filter.kind } : {}) })
      .lean<EventDoc[]>();
    const byId = new Map(events.map((e) => [e._id.toHexString(), e]));
    const chosen = order.flatMap((id) => byId.get(id) ?? []).slice(0, filter.limit ?? 20);
    return { items: await this.views(chosen, sessions, now, 'public') };
  }

  /** One event with all its sessions, past and cancelled ones included (flagged); `staff` for its managers' routes. */
  async detail(id: string | Types.ObjectId, readers: Readers = 'public'): Promise<EventView> {
    const event = await this.store.event(id);
    const sessions = await this.store.sessions.find({ eventId: event._id }).sort({ startAt: 1 }).lean<EventSessionDoc[]>();
    const [view] = await this.views([event], sessions, new Date(), readers);
    return view;
  }

  /** A station's events for its staff, newest first, cancelled ones included. */
  async forStaff(user: AuthUser, filter: { stationId?: string; limit?: number }): Promise<EventList> {
    const stationId = filter.stationId ?? user.stationId ?? undefined;
    authorize(user, 'event.checkin', stationId ? { stationId } : {});
    const events = await this.store.events
      .find(stationId ? { stationId: new Types.ObjectId(stationId) } : {})
      .sort({ createdAt: -1 })
      .limit(filter.limit ?? 50)
      .lean<EventDoc[]>();
    const sessions = await this.store.sessions.find({ eventId: { $in: events.map((e) => e._id) } }).sort({ startAt: 1 }).lean<EventSessionDoc[]>();
    return { items: await this.views(events, sessions, new Date(), 'staff') };
  }

  async sessionView({ session, event }: { session: EventSessionDoc; event: EventDoc }): Promise<EventSessionView> {
    const [view] = await this.sessionViews([session], [event], new Date());
    return view;
  }

  /** `sessions` with their seat counts; `events` holds each one's event (whether it still stands). */
  async sessionViews(sessions: EventSessionDoc[], events: EventDoc[], now: Date): Promise<EventSessionView[]> {
    const ids = sessions.map((s) => s._id);
    const [booked, waiting] = await Promise.all([this.seats.bookedCounts(ids), this.waitlistCounts(ids)]);
    const eventOf = new Map(events.map((e) => [e._id.toHexString(), e]));
    return sessions.map((s) => {
      const key = s._id.toHexString();
      const event = eventOf.get(s.eventId.toHexString());
      if (!event) throw new Error(`session ${key} shown without its event`);
      return toSessionView(s, event, { booked: booked.get(key) ?? 0, waitlisted: waiting.get(key) ?? 0 }, now);
    });
  }

  /** Station names (the stations module's snapshot). */
  stationNames(ids: Types.ObjectId[]): Promise<Map<string, string>> {
    return this.stations.names(ids);
  }

  private async views(events: EventDoc[], sessions: EventSessionDoc[], now: Date, readers: Readers): Promise<EventView[]> {
    const names = await this.stationNames([...new Set(events.map((e) => e.stationId))]);
    const wanted = new Set(events.map((e) => e._id.toHexString()));
    const sessionViews = await this.sessionViews(sessions.filter((s) => wanted.has(s.eventId.toHexString())), events, now);
    return events.map((e) => {
      const id = e._id.toHexString();
      return toEventView(e, names.get(e.stationId.toHexString()) ?? '', sessionViews.filter((s) => s.eventId === id), (ids) => this.photoUrls.sign(ids), readers);
    });
  }

  private async waitlistCounts(sessionIds: Types.ObjectId[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.store.waitlist.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { sessionId: { $in: sessionIds } } },
      { $group: { _id: '$sessionId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }
}
