import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { addSession, book, buildWorld, createEvent, DAY, HOUR, inFuture, ledger, newSession, type World } from '../../../../tests/support/events';
import { NotificationService, type Notification } from '../notifications/notification.service';
import { EventStore } from './event-store';
import { WaitlistService } from './waitlist.service';

/**
 * A database write that fails part-way through a lead's change (spied on the
 * real services): what the user is told, what stays behind, and that a
 * retry finishes the work.
 */

let api: TestApi;
let w: World;
let notifications: NotificationService;
let store: EventStore;
let waitlist: WaitlistService;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildWorld(api);
  const context = api.app.getApplicationContext();
  notifications = await context.getAsync(NotificationService);
  store = await context.getAsync(EventStore);
  waitlist = await context.getAsync(WaitlistService);
}, 60_000);

afterEach(() => jest.restoreAllMocks());

afterAll(() => api.close());

const outboxFor = (dedupeKey: string) => api.db.collection('outbox').find({ dedupeKey }).toArray();
const blockers = (sessionId: string) => api.db.collection('event_seats').countDocuments({ sessionId: new Types.ObjectId(sessionId), bookingId: null });

/** The outbox queues the first resident's notice, then the connection drops. */
function failNoticesPartWay() {
  const enqueue = notifications.enqueue.bind(notifications);
  return jest.spyOn(notifications, 'enqueue').mockImplementationOnce(async (userIds: Types.ObjectId[], notice: Notification) => {
    await enqueue(userIds.slice(0, 1), notice);
    throw new Error('connection reset');
  });
}

describe('calling off a session whose notices fail part-way', () => {
  it('when the lead cancels again, then everyone booked or waiting is told, once each', async () => {
    const sessionId = await newSession(api, w, { capacity: 1 });
    await book(api, w.resident, sessionId).expect(201);
    await book(api, w.otherResident, sessionId).expect(201);
    failNoticesPartWay();
    await api.http().post(`/api/staff/event-sessions/${sessionId}/cancel`).set('Authorization', w.leadA.auth).expect(500);
    // Called off before the notices failed: a retry must not take "already cancelled" for "done".
    expect((await api.db.collection('event_sessions').findOne({ _id: new Types.ObjectId(sessionId) }))!.cancelled).toBe(true);
    expect(await outboxFor(`session:${sessionId}:cancelled`)).toHaveLength(1);

    const retried = await api.http().post(`/api/staff/event-sessions/${sessionId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(retried.body.cancelled).toBe(true);
    const notices = await outboxFor(`session:${sessionId}:cancelled`);
    expect(notices.map((n) => String(n.userId)).sort()).toEqual([w.resident.id, w.otherResident.id].sort());
  });
});

describe('cancelling an event that fails part-way', () => {
  it('when it fails, then the event is not shown cancelled yet, and the retry calls everything off and tells everyone once', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '取消到一半的开放日' });
    const first = await addSession(api, w.leadA, eventId);
    const second = await addSession(api, w.leadA, eventId, { startAt: inFuture(3 * DAY), endAt: inFuture(3 * DAY + HOUR) });
    await book(api, w.resident, first).expect(201);
    await book(api, w.otherResident, second).expect(201);
    failNoticesPartWay();
    await api.http().post(`/api/staff/events/${eventId}/cancel`).set('Authorization', w.leadA.auth).expect(500);
    // The sessions go first and the event last: an event shown cancelled never has a session left to book.
    const half = await api.http().get(`/api/events/${eventId}`).expect(200);
    expect(half.body.cancelled).toBe(false);

    const retried = await api.http().post(`/api/staff/events/${eventId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(retried.body.cancelled).toBe(true);
    expect(retried.body.sessions.map((s: { cancelled: boolean }) => s.cancelled)).toEqual([true, true]);
    expect((await outboxFor(`session:${first}:cancelled`)).map((n) => String(n.userId))).toEqual([w.resident.id]);
    expect((await outboxFor(`session:${second}:cancelled`)).map((n) => String(n.userId))).toEqual([w.otherResident.id]);
  });
});

describe('a capacity cut whose database write fails', () => {
  it('when the capacity write fails after the seats above were blocked, then the blockers go and every seat can still be booked', async () => {
    const sessionId = await newSession(api, w, { capacity: 6 });
    await book(api, w.resident, sessionId, 2).expect(201);
    jest.spyOn(store, 'writeSession').mockRejectedValueOnce(new Error('connection reset'));
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(500);
    expect((await api.db.collection('event_sessions').findOne({ _id: new Types.ObjectId(sessionId) }))!.capacity).toBe(6);
    expect(await blockers(sessionId)).toBe(0);
    expect((await book(api, w.otherResident, sessionId, 4).expect(201)).body.status).toBe('confirmed');
  });

  it('when the capacity write lands but its answer is lost, then the cut stands and the seats above it stay blocked', async () => {
    const sessionId = await newSession(api, w, { capacity: 6 });
    await book(api, w.resident, sessionId, 2).expect(201);
    const write = store.writeSession.bind(store);
    jest.spyOn(store, 'writeSession').mockImplementationOnce(async (id, set) => {
      await write(id, set);
      throw new Error('connection reset');
    });
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(500);
    expect((await api.db.collection('event_sessions').findOne({ _id: new Types.ObjectId(sessionId) }))!.capacity).toBe(3);
    expect(await blockers(sessionId)).toBe(3);
    expect((await ledger(api, sessionId)).seatNumbers.every((seat) => seat <= 3)).toBe(true);
  });

  it('when the promotion after a refused cut fails too, then the lead is still told why the cut was refused', async () => {
    const sessionId = await newSession(api, w, { capacity: 6 });
    await book(api, w.resident, sessionId, 4).expect(201);
    jest.spyOn(waitlist, 'promote').mockRejectedValueOnce(new Error('connection reset'));
    const res = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(409);
    expect(res.body.error.code).toBe('CAPACITY_BELOW_BOOKED');
    expect(await blockers(sessionId)).toBe(0);
  });
});
