import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { book, buildWorld, ledger, newSession, type World } from '../../../../tests/support/events';
import { PendingBookingsJob } from './pending-bookings.job';

/** R14: bookings a crash left pending are swept, and the waitlist moves into their seats. */

let api: TestApi;
let w: World;
let job: PendingBookingsJob;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildWorld(api);
  job = await api.app.getApplicationContext().getAsync(PendingBookingsJob);
}, 60_000);

afterAll(() => api.close());

describe('bookings left pending by a crash', () => {
  it('when a booking has been pending for over a minute, then the sweep removes it and its seat goes to the next in line; a fresh pending one stays', async () => {
    const sessionId = await newSession(api, w, { capacity: 1 });
    const first = await book(api, w.resident, sessionId).expect(201);
    // As if the process died while the booking was still claiming its seat.
    const _id = new Types.ObjectId(first.body.id);
    await api.db.collection('event_bookings').updateOne({ _id }, { $set: { status: 'pending' } });
    const second = await book(api, w.otherResident, sessionId).expect(201);
    expect(second.body.status).toBe('waitlisted');

    const now = Date.now();
    expect(await job.runOnce(new Date(now + 30_000))).toBe(0);
    expect(await api.db.collection('event_bookings').findOne({ _id })).not.toBeNull();

    expect(await job.runOnce(new Date(now + 61_000))).toBe(1);
    expect(await api.db.collection('event_bookings').findOne({ _id })).toBeNull();
    const after = await ledger(api, sessionId);
    expect(after.seats).toBe(1);
    const mine = await api.http().get(`/api/bookings/${second.body.id}`).set('Authorization', w.otherResident.auth).expect(200);
    expect(mine.body.status).toBe('confirmed');
    // The resident whose booking was swept may book again (and waits: the seat is taken).
    expect((await book(api, w.resident, sessionId).expect(201)).body.status).toBe('waitlisted');
  });
});
