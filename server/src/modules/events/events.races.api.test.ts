import { Types } from 'mongoose';
import type { CreateSessionBody } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { addSession, book, buildWorld, createEvent, DAY, HOUR, ledger, newSession, type World } from '../../../../tests/support/events';
import type { AuthUser } from '../../common/auth-user';
import { EventAdminService } from './event-admin.service';
import { EventStore } from './event-store';
import { WaitlistService } from './waitlist.service';

/**
 * Leads changing an event while others use it: a session added while the event
 * is cancelled, a capacity cut while a party joins the line. HTTP cannot force
 * the interleaving, so each test runs one side inside a step of the other
 * (spied on the real services), in the orders that matter.
 */

let api: TestApi;
let w: World;
let admin: EventAdminService;
let store: EventStore;
let waitlist: WaitlistService;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildWorld(api);
  const context = api.app.getApplicationContext();
  admin = await context.getAsync(EventAdminService);
  store = await context.getAsync(EventStore);
  waitlist = await context.getAsync(WaitlistService);
}, 60_000);

afterEach(() => jest.restoreAllMocks());

afterAll(() => api.close());

const lead = (u: TestUser): AuthUser => ({ id: u.id, role: u.role, stationId: w.stationA, community: null, openid: u.openid });
const sessionBody = (): CreateSessionBody => ({ startAt: new Date(Date.now() + 2 * DAY), endAt: new Date(Date.now() + 2 * DAY + HOUR), capacity: 10 });
const sessionsOf = (eventId: string) => api.db.collection('event_sessions').find({ eventId: new Types.ObjectId(eventId) }).toArray();

describe('a session added while its event is cancelled', () => {
  it('when the whole cancel runs after the add read the event but before its insert, then the add calls its session off and answers 409', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '边加场次边取消' });
    const insert = store.addSession.bind(store);
    jest.spyOn(store, 'addSession').mockImplementationOnce(async (fields) => {
      await admin.cancelEvent(lead(w.leadA), eventId); // finds no session to call off
      return insert(fields);
    });
    await expect(admin.addSession(lead(w.leadA), eventId, sessionBody())).rejects.toMatchObject({ code: 'SESSION_CANCELLED' });
    const [session] = await sessionsOf(eventId);
    expect(session.cancelled).toBe(true);
    expect((await book(api, w.resident, String(session._id)).expect(409)).body.error.code).toBe('SESSION_CANCELLED');
  });

  it('when the whole add runs after the cancel called the sessions off but before it marked the event, then the cancel calls the new session off too', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '取消中途加场次' });
    const before = await addSession(api, w.leadA, eventId);
    let added: string | undefined;
    const mark = store.writeEvent.bind(store);
    jest.spyOn(store, 'writeEvent').mockImplementationOnce(async (id, set) => {
      added = (await admin.addSession(lead(w.leadA), eventId, sessionBody())).session._id.toHexString(); // the event is not cancelled yet
      return mark(id, set);
    });
    const res = await api.http().post(`/api/staff/events/${eventId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(res.body.cancelled).toBe(true);
    expect(res.body.sessions.map((s: { id: string; cancelled: boolean }) => [s.id, s.cancelled]).sort()).toEqual([[before, true], [added, true]].sort());
    expect((await book(api, w.resident, added!).expect(409)).body.error.code).toBe('SESSION_CANCELLED');
  });
});

it('when a session was left on under a cancelled event (its add died before checking the event), then it shows as not bookable and booking it is refused', async () => {
  const eventId = await createEvent(api, w.leadA, { title: '取消后残留的场次' });
  const sessionId = await addSession(api, w.leadA, eventId);
  await api.db.collection('events').updateOne({ _id: new Types.ObjectId(eventId) }, { $set: { cancelledAt: new Date() } });
  const shown = await api.http().get(`/api/events/${eventId}`).set('Authorization', w.resident.auth).expect(200);
  expect(shown.body.sessions).toEqual([expect.objectContaining({ id: sessionId, cancelled: false, bookable: false })]);
  const refused = await book(api, w.resident, sessionId).expect(409);
  expect(refused.body.error.code).toBe('SESSION_CANCELLED');
  expect(await api.db.collection('event_bookings').countDocuments({ sessionId: new Types.ObjectId(sessionId) })).toBe(0);
});

describe('a party that joins the line while a capacity cut goes through', () => {
  it('when the cut lands after the booking read the session, then the party waits passed over, and its booking says why until the capacity grows', async () => {
    const sessionId = await newSession(api, w, { capacity: 4 });
    await book(api, w.resident, sessionId, 1).expect(201); // a party of 4 must now wait
    const big = await loginAs(api.db, 'resident');
    const join = waitlist.join.bind(waitlist);
    jest.spyOn(waitlist, 'join').mockImplementationOnce(async (booking) => {
      // Nobody is in line yet, so the cut passes its CAPACITY_BELOW_PARTY check.
      await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(200);
      return join(booking);
    });
    const booked = await book(api, big, sessionId, 4).expect(201);
    expect(booked.body).toMatchObject({ status: 'waitlisted', partyExceedsCapacity: true });
    const shown = await api.http().get(`/api/bookings/${booked.body.id}`).set('Authorization', big.auth).expect(200);
    expect(shown.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, partyExceedsCapacity: true, canCancel: true });
    const mine = await api.http().get('/api/bookings').set('Authorization', big.auth).expect(200);
    expect(mine.body.items).toMatchObject([{ id: booked.body.id, partyExceedsCapacity: true }]);
    // The station's staff see it in the attendance list and its CSV.
    const attendance = await api.http().get(`/api/staff/event-sessions/${sessionId}/attendance`).set('Authorization', w.leadA.auth).expect(200);
    expect(attendance.body.items).toContainEqual(expect.objectContaining({ code: booked.body.code, status: 'waitlisted', partyExceedsCapacity: true }));
    const csv = await api.http().get(`/api/staff/event-sessions/${sessionId}/attendance.csv`).set('Authorization', w.leadA.auth).expect(200);
    expect(csv.text).toContain(`${booked.body.code},`);
    expect(csv.text.split('\r\n').find((line: string) => line.startsWith(booked.body.code))).toContain('候补中（人数超过名额，无法递补）');
    // Others waiting for a seat that fits are not flagged, and the passed-over party ahead does not count in their place.
    const fits = await loginAs(api.db, 'resident');
    expect((await book(api, fits, sessionId, 2).expect(201)).body).toMatchObject({ status: 'confirmed', partyExceedsCapacity: false });
    const behind = await book(api, await loginAs(api.db, 'resident'), sessionId, 1).expect(201);
    expect(behind.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, partyExceedsCapacity: false });

    // Room for the party again (3 booked of 8): it is seated and no longer flagged, and so is the one behind it.
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 8 }).expect(200);
    const seated = await api.http().get(`/api/bookings/${booked.body.id}`).set('Authorization', big.auth).expect(200);
    expect(seated.body).toMatchObject({ status: 'confirmed', partyExceedsCapacity: false });
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 8, confirmedPeople: 8, line: [] });
  });
});
