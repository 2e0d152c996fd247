// Helpers for the open-day tests (server/src/modules/events): a world with two stations and their staff, events and sessions.
import { Types } from 'mongoose';
import type { TestApi } from './api-app';
import { loginAs, type TestUser } from './auth';
import { seedDemoData } from '../../server/src/seed/seed-demo';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

export interface World {
  stationA: string; // 嘉麟社区
  stationB: string; // 平桥村
  leadA: TestUser;
  officerA: TestUser;
  leadB: TestUser;
  officerB: TestUser;
  admin: TestUser;
  resident: TestUser;
  otherResident: TestUser;
}

export async function buildWorld(api: TestApi): Promise<World> {
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  const stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  const stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  return {
    stationA,
    stationB,
    leadA: await loginAs(api.db, 'lead', { stationId: stationA, name: '陈队' }),
    officerA: await loginAs(api.db, 'officer', { stationId: stationA }),
    leadB: await loginAs(api.db, 'lead', { stationId: stationB }),
    officerB: await loginAs(api.db, 'officer', { stationId: stationB }),
    admin: await loginAs(api.db, 'admin'),
    resident: await loginAs(api.db, 'resident', { name: '张三', phone: '13812341234' }),
    otherResident: await loginAs(api.db, 'resident', { name: '李四' }),
  };
}

export function eventBody(over: Record<string, unknown> = {}) {
  return { title: '城管开放日：走进嘉麟工作站', kind: 'open_day', description: '参观工作站，了解城管日常工作，现场答疑。', place: '嘉麟社区城管工作站', ...over };
}

export async function createEvent(api: TestApi, by: TestUser, over: Record<string, unknown> = {}): Promise<string> {
  const res = await api.http().post('/api/staff/events').set('Authorization', by.auth).send(eventBody(over));
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function addSession(api: TestApi, by: TestUser, eventId: string, over: Record<string, unknown> = {}): Promise<string> {
  const body = { startAt: inFuture(2 * DAY), endAt: inFuture(2 * DAY + 2 * HOUR), capacity: 20, ...over };
  const res = await api.http().post(`/api/staff/events/${eventId}/sessions`).set('Authorization', by.auth).send(body);
  if (res.status !== 201) throw new Error(`add session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A new event of station A with one session of `capacity`; returns the session id. */
export async function newSession(api: TestApi, world: World, over: Record<string, unknown> = {}): Promise<string> {
  return addSession(api, world.leadA, await createEvent(api, world.leadA), over);
}

export const book = (api: TestApi, user: TestUser, sessionId: string, partySize = 1) =>
  api.http().post('/api/bookings').set('Authorization', user.auth).send({ sessionId, partySize });

/** Moves a session's times in the database (to make it past, closed, past its cut-off…). */
export async function setSessionTimes(api: TestApi, sessionId: string, times: Record<string, Date>): Promise<void> {
  await api.db.collection('event_sessions').updateOne({ _id: new Types.ObjectId(sessionId) }, { $set: times });
}

/** What the database holds for a session: seats (by bookings), confirmed seats, waitlist. */
export async function ledger(api: TestApi, sessionId: string) {
  const sid = new Types.ObjectId(sessionId);
  const seats = await api.db.collection('event_seats').find({ sessionId: sid, bookingId: { $ne: null } }).toArray();
  const confirmed = await api.db.collection('event_bookings').find({ sessionId: sid, status: 'confirmed' }).toArray();
  const waitlisted = await api.db.collection('event_bookings').find({ sessionId: sid, status: 'waitlisted' }).toArray();
  const line = await api.db.collection('event_waitlist').find({ sessionId: sid }).sort({ position: 1 }).toArray();
  return {
    seats: seats.length,
    seatNumbers: seats.map((s) => s.seat as number),
    confirmedBookings: confirmed.length,
    confirmedPeople: confirmed.reduce((n, b) => n + (b.partySize as number), 0),
    waitlistedBookings: waitlisted.length,
    line,
  };
}
