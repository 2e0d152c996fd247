import { Types } from 'mongoose';
import sharp from 'sharp';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { addSession, book, buildWorld, createEvent, DAY, eventBody, HOUR, inFuture, ledger, newSession, setSessionTimes, type World } from '../../../../tests/support/events';
import { attachmentsOf } from '../../../../tests/support/attachments';

let api: TestApi;
let w: World;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildWorld(api);
}, 60_000);

afterAll(() => api.close());

const outboxFor = (dedupeKey: string) => api.db.collection('outbox').find({ dedupeKey }).toArray();

describe('events: leads create, edit and cancel', () => {
  it('when a lead creates an event with a session, then the public detail shows it with its seats', async () => {
    const res = await api.http().post('/api/staff/events').set('Authorization', w.leadA.auth).send(eventBody({ kind: 'meeting', title: '座谈会：老旧小区停车' })).expect(201);
    expect(res.body).toMatchObject({ stationId: w.stationA, community: '嘉麟社区', kind: 'meeting', cancelled: false, sessions: [] });
    expect(res.body.stationName).toMatch(/嘉麟/);
    const session = await api.http().post(`/api/staff/events/${res.body.id}/sessions`).set('Authorization', w.leadA.auth).send({ startAt: inFuture(DAY), endAt: inFuture(DAY + HOUR), capacity: 12 }).expect(201);
    expect(session.body).toMatchObject({ capacity: 12, seatsTaken: 0, seatsLeft: 12, waitlisted: 0, cancelled: false, bookable: true });
    // Defaults: booking closes and cancelling stops at the start.
    expect(session.body.bookingClosesAt).toBe(session.body.startAt);
    expect(session.body.cancelCutoffAt).toBe(session.body.startAt);
    const detail = await api.http().get(`/api/events/${res.body.id}`).expect(200);
    expect(detail.body.sessions).toHaveLength(1);
    expect(detail.body.title).toBe('座谈会：老旧小区停车');
  });

  it('when an admin creates an event, then a station must be named, and it belongs to that station', async () => {
    const none = await api.http().post('/api/staff/events').set('Authorization', w.admin.auth).send(eventBody()).expect(400);
    expect(none.body.error.code).toBe('VALIDATION_FAILED');
    const res = await api.http().post('/api/staff/events').set('Authorization', w.admin.auth).send(eventBody({ stationId: w.stationB })).expect(201);
    expect(res.body.stationId).toBe(w.stationB);
    const unknown = await api.http().post('/api/staff/events').set('Authorization', w.admin.auth).send(eventBody({ stationId: '0123456789abcdef01234567' })).expect(404);
    expect(unknown.body.error.code).toBe('STATION_NOT_FOUND');
  });

  it('when an officer or a resident tries to create an event, then 403 whatever the body says', async () => {
    for (const user of [w.officerA, w.resident]) {
      const res = await api.http().post('/api/staff/events').set('Authorization', user.auth).send(eventBody()).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('when the text is risky or the body sets unknown fields, then nothing is created', async () => {
    const before = await api.db.collection('events').countDocuments();
    const risky = await api.http().post('/api/staff/events').set('Authorization', w.leadA.auth).send(eventBody({ description: '你们都去死吧' })).expect(422);
    expect(risky.body.error.code).toBe('CONTENT_RISKY');
    for (const extra of [{ cancelledAt: null }, { community: '平桥村' }, { createdBy: w.resident.id }]) {
      const res = await api.http().post('/api/staff/events').set('Authorization', w.leadA.auth).send(eventBody(extra)).expect(400);
      expect(res.body.error.code).toBe('UNKNOWN_FIELD');
    }
    expect(await api.db.collection('events').countDocuments()).toBe(before);
  });

  it('when an event names a phone number, then its staff read it as written and the public (lists, detail, bookings) masked', async () => {
    const id = await createEvent(api, w.leadA, { description: '报名咨询王老师 13912345678', place: '工作站二楼（电话 13912345678）' });
    const session = await addSession(api, w.leadA, id, { capacity: 5 });
    const publicView = await api.http().get(`/api/events/${id}`).expect(200);
    expect(publicView.body.description).toBe('报名咨询王老师 139****5678');
    expect(publicView.body.place).toBe('工作站二楼（电话 139****5678）');
    const upcoming = await api.http().get('/api/events').query({ stationId: w.stationA }).expect(200);
    expect(JSON.stringify(upcoming.body)).not.toContain('13912345678');
    const booked = await book(api, w.resident, session).expect(201);
    expect(booked.body.event.place).toBe('工作站二楼（电话 139****5678）');
    const staffView = await api.http().patch(`/api/staff/events/${id}`).set('Authorization', w.leadA.auth).send({ title: '开放日' }).expect(200);
    expect(staffView.body.description).toBe('报名咨询王老师 13912345678');
    const staffList = await api.http().get('/api/staff/events').set('Authorization', w.leadA.auth).expect(200);
    expect(staffList.body.items.find((e: { id: string }) => e.id === id).place).toBe('工作站二楼（电话 13912345678）');
  });

  it('when a lead edits an event, then the new text shows; photos must be their own uploads', async () => {
    const id = await createEvent(api, w.leadA);
    const res = await api.http().patch(`/api/staff/events/${id}`).set('Authorization', w.leadA.auth).send({ title: '开放日（改期）', place: '工作站二楼' }).expect(200);
    expect(res.body).toMatchObject({ title: '开放日（改期）', place: '工作站二楼', kind: 'open_day' });
    const foreign = await api.http().patch(`/api/staff/events/${id}`).set('Authorization', w.leadA.auth).send({ photos: [new Types.ObjectId().toHexString()] }).expect(404);
    expect(foreign.body.error.code).toBe('MEDIA_NOT_FOUND');
    await api.http().patch(`/api/staff/events/${id}`).set('Authorization', w.leadA.auth).send({}).expect(400);
  });

  it('when a lead attaches photos, then anyone sees them through the event, and a dropped one is released', async () => {
    const upload = async (user = w.leadA, shade = 10) => {
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 90, b: 160 } } }).png().toBuffer();
      return (await api.http().post('/api/media').set('Authorization', user.auth).attach('file', bytes, { filename: 'p.png' }).expect(201)).body.id as string;
    };
    const [one, two] = [await upload(w.leadA, 11), await upload(w.leadA, 12)];
    const res = await api.http().post('/api/staff/events').set('Authorization', w.leadA.auth).send(eventBody({ photos: [one, two] })).expect(201);
    expect(res.body.photos.map((p: { id: string }) => p.id)).toEqual([one, two]);
    await api.http().get(res.body.photos[0].url).expect(200); // the signed URL, no token
    const photo = await api.http().get(`/api/events/${res.body.id}/photos/${one}`).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    await api.http().get(`/api/events/${res.body.id}/photos/${two}/thumb`).set('Authorization', w.otherResident.auth).expect(200);
    // One photo may show on several events.
    const again = await api.http().post('/api/staff/events').set('Authorization', w.leadA.auth).send(eventBody({ photos: [one] })).expect(201);
    await api.http().get(`/api/events/${again.body.id}/photos/${one}`).expect(200);
    const someoneElses = await upload(w.leadB, 13);
    await api.http().patch(`/api/staff/events/${res.body.id}`).set('Authorization', w.leadA.auth).send({ photos: [someoneElses] }).expect(404);
    await api.http().get(`/api/events/${res.body.id}/photos/${someoneElses}`).expect(404);
    const edited = await api.http().patch(`/api/staff/events/${res.body.id}`).set('Authorization', w.leadA.auth).send({ photos: [two] }).expect(200);
    expect(edited.body.photos).toHaveLength(1);
    await api.http().get(`/api/events/${res.body.id}/photos/${one}`).expect(404);
    expect(await attachmentsOf(api.db, [one])).toEqual({ [one]: [`event:${again.body.id}`] });
  });

  it('when session times are out of order, then 400 INVALID_DATE_RANGE', async () => {
    const id = await createEvent(api, w.leadA);
    for (const body of [
      { startAt: inFuture(DAY), endAt: inFuture(DAY - HOUR), capacity: 5 },
      { startAt: inFuture(DAY), endAt: inFuture(DAY + HOUR), capacity: 5, bookingClosesAt: inFuture(DAY + 1000) },
      { startAt: inFuture(DAY), endAt: inFuture(DAY + HOUR), capacity: 5, cancelCutoffAt: inFuture(DAY + 1000) },
      { startAt: inFuture(-2 * HOUR), endAt: inFuture(-HOUR), capacity: 5 },
    ]) {
      const res = await api.http().post(`/api/staff/events/${id}/sessions`).set('Authorization', w.leadA.auth).send(body).expect(400);
      expect(res.body.error.code).toBe('INVALID_DATE_RANGE');
    }
    const zero = await api.http().post(`/api/staff/events/${id}/sessions`).set('Authorization', w.leadA.auth).send({ startAt: inFuture(DAY), endAt: inFuture(DAY + HOUR), capacity: 0 }).expect(400);
    expect(zero.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when a lead cancels a session, then everyone booked and waiting is notified and booking it is refused', async () => {
    const sessionId = await newSession(api, w, { capacity: 1 });
    await book(api, w.resident, sessionId).expect(201);
    const waiting = await book(api, w.otherResident, sessionId).expect(201);
    expect(waiting.body.status).toBe('waitlisted');
    const res = await api.http().post(`/api/staff/event-sessions/${sessionId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(res.body).toMatchObject({ cancelled: true, bookable: false });
    const notices = await outboxFor(`session:${sessionId}:cancelled`);
    expect(notices.map((n) => String(n.userId)).sort()).toEqual([w.resident.id, w.otherResident.id].sort());
    const late = await loginAs(api.db, 'resident');
    const refused = await book(api, late, sessionId).expect(409);
    expect(refused.body.error.code).toBe('SESSION_CANCELLED');
    // Cancelling again changes nothing and notifies no one twice.
    await api.http().post(`/api/staff/event-sessions/${sessionId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(await outboxFor(`session:${sessionId}:cancelled`)).toHaveLength(2);
  });

  it('when a lead cancels an event, then all its sessions are cancelled and it leaves the upcoming list', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '将取消的开放日' });
    const s1 = await addSession(api, w.leadA, eventId);
    const s2 = await addSession(api, w.leadA, eventId, { startAt: inFuture(3 * DAY), endAt: inFuture(3 * DAY + HOUR) });
    await book(api, w.resident, s2).expect(201);
    const res = await api.http().post(`/api/staff/events/${eventId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(res.body.cancelled).toBe(true);
    expect(res.body.sessions.map((s: { cancelled: boolean }) => s.cancelled)).toEqual([true, true]);
    expect(await outboxFor(`session:${s2}:cancelled`)).toHaveLength(1);
    expect(await outboxFor(`session:${s1}:cancelled`)).toHaveLength(0);
    const list = await api.http().get('/api/events').query({ limit: 50 }).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(eventId);
  });

  it('when a lead cancels an event, then sessions already held stay as they were and their attendees are not told', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '办过一场的开放日' });
    const held = await addSession(api, w.leadA, eventId);
    const coming = await addSession(api, w.leadA, eventId, { startAt: inFuture(3 * DAY), endAt: inFuture(3 * DAY + HOUR) });
    await book(api, w.resident, held).expect(201);
    await book(api, w.otherResident, coming).expect(201);
    const now = Date.now();
    await setSessionTimes(api, held, { bookingOpensAt: new Date(now - 3 * DAY), bookingClosesAt: new Date(now - DAY), cancelCutoffAt: new Date(now - DAY), startAt: new Date(now - DAY), endAt: new Date(now - DAY + HOUR) });
    const res = await api.http().post(`/api/staff/events/${eventId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect(res.body.cancelled).toBe(true);
    expect(res.body.sessions.map((s: { id: string; cancelled: boolean }) => [s.id, s.cancelled])).toEqual([[held, false], [coming, true]]);
    expect(await outboxFor(`session:${held}:cancelled`)).toHaveLength(0);
    expect(await outboxFor(`session:${coming}:cancelled`)).toHaveLength(1);
  });
});

describe('events and sessions sent again with an Idempotency-Key', () => {
  const post = (path: string, key: string, body: Record<string, unknown>) => api.http().post(path).set('Authorization', w.leadA.auth).set('Idempotency-Key', key).send(body);
  const count = (collection: string, filter: Record<string, unknown>) => api.db.collection(collection).countDocuments(filter);

  it('when a new event is sent three times at once and again, then one event; another body under the key is 422', async () => {
    const key = `event-${new Types.ObjectId().toHexString()}`;
    const body = eventBody({ title: `重发的开放日 ${key}` });
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/staff/events', key, body)));
    const again = await post('/api/staff/events', key, body);
    for (const res of [...answers, again]) expect(res.status).toBe(201);
    expect(new Set([...answers, again].map((res) => res.body.id)).size).toBe(1);
    expect(await count('events', { title: body.title })).toBe(1);
    const other = await post('/api/staff/events', key, eventBody({ title: '另一个活动' })).expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('when a new session is sent twice with one key, then one session; the same key on another event is another session', async () => {
    const [first, second] = [await createEvent(api, w.leadA), await createEvent(api, w.leadA)];
    const key = `session-${new Types.ObjectId().toHexString()}`;
    const body = { startAt: inFuture(3 * DAY), endAt: inFuture(3 * DAY + HOUR), capacity: 12 };
    const a = await post(`/api/staff/events/${first}/sessions`, key, body).expect(201);
    const b = await post(`/api/staff/events/${first}/sessions`, key, body).expect(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await count('event_sessions', { eventId: new Types.ObjectId(first) })).toBe(1);
    const elsewhere = await post(`/api/staff/events/${second}/sessions`, key, body).expect(201);
    expect(elsewhere.body.id).not.toBe(a.body.id);
  });

  it('when a keyed event is refused (risky text), then the corrected form may use the same key', async () => {
    const key = `event-${new Types.ObjectId().toHexString()}`;
    const refused = await post('/api/staff/events', key, eventBody({ description: '你们都去死吧' })).expect(422);
    expect(refused.body.error.code).toBe('CONTENT_RISKY');
    const body = eventBody({ title: `改正后的活动 ${key}` });
    await post('/api/staff/events', key, body).expect(201);
    expect(await count('events', { title: body.title })).toBe(1);
  });
});

describe('public listing', () => {
  it('when events are upcoming, then they are listed soonest first with seats left, filtered by station and kind', async () => {
    const later = await createEvent(api, w.leadB, { title: '平桥村座谈会', kind: 'meeting' });
    await addSession(api, w.leadB, later, { startAt: inFuture(9 * DAY), endAt: inFuture(9 * DAY + HOUR), capacity: 8 });
    const sooner = await createEvent(api, w.leadB, { title: '平桥村开放日' });
    const sid = await addSession(api, w.leadB, sooner, { startAt: inFuture(8 * DAY), endAt: inFuture(8 * DAY + HOUR), capacity: 8 });
    const past = await addSession(api, w.leadB, sooner, { startAt: inFuture(7 * DAY), endAt: inFuture(7 * DAY + HOUR), capacity: 8 });
    await setSessionTimes(api, past, { startAt: new Date(Date.now() - 2 * HOUR), endAt: new Date(Date.now() - HOUR), bookingOpensAt: new Date(Date.now() - DAY), bookingClosesAt: new Date(Date.now() - 2 * HOUR), cancelCutoffAt: new Date(Date.now() - 2 * HOUR) });
    await book(api, w.resident, sid, 3).expect(201);

    const res = await api.http().get('/api/events').query({ stationId: w.stationB }).expect(200);
    expect(res.body.items.map((e: { title: string }) => e.title)).toEqual(['平桥村开放日', '平桥村座谈会']);
    const [first] = res.body.items;
    expect(first.sessions).toHaveLength(1); // the past one is not "upcoming"
    expect(first.sessions[0]).toMatchObject({ id: sid, capacity: 8, seatsTaken: 3, seatsLeft: 5, bookable: true });
    const meetings = await api.http().get('/api/events').query({ stationId: w.stationB, kind: 'meeting' }).expect(200);
    expect(meetings.body.items.map((e: { title: string }) => e.title)).toEqual(['平桥村座谈会']);
    const all = await api.http().get('/api/events').query({ limit: 50 }).expect(200);
    expect(all.body.items.some((e: { stationId: string }) => e.stationId === w.stationA)).toBe(true);
    const detail = await api.http().get(`/api/events/${sooner}`).expect(200);
    expect(detail.body.sessions.map((s: { id: string }) => s.id)).toEqual([past, sid]);
  });

  it.each([
    ['an unknown id', '0123456789abcdef01234567'],
    ['a malformed id', 'nope'],
  ])('when %s is asked for, then 404 EVENT_NOT_FOUND', async (_name, id) => {
    const res = await api.http().get(`/api/events/${id}`).expect(404);
    expect(res.body.error.code).toBe('EVENT_NOT_FOUND');
  });

  it('when the query has an unknown field or a bad limit, then 400', async () => {
    expect((await api.http().get('/api/events').query({ limit: 0 }).expect(400)).body.error.code).toBe('INVALID_LIMIT');
    expect((await api.http().get('/api/events').query({ stationId: { $ne: 1 } }).expect(400)).body.error.code).not.toBe('INTERNAL_ERROR');
    expect((await api.http().get('/api/events').query({ sort: 'x' }).expect(400)).body.error.code).toBe('UNKNOWN_FIELD');
  });
});

describe('booking', () => {
  it('when a resident books a party of 2, then it is confirmed with a code, counted against capacity and listed as theirs', async () => {
    const sessionId = await newSession(api, w, { capacity: 5 });
    const res = await book(api, w.resident, sessionId, 2).expect(201);
    expect(res.body).toMatchObject({ status: 'confirmed', partySize: 2, waitlistPosition: null, canCancel: true, checkedInAt: null, cancelledAt: null });
    expect(res.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(res.body.event.title).toBeTruthy();
    const detail = await api.http().get(`/api/events/${res.body.event.id}`).expect(200);
    expect(detail.body.sessions[0]).toMatchObject({ seatsTaken: 2, seatsLeft: 3 });
    const mine = await api.http().get('/api/bookings').set('Authorization', w.resident.auth).expect(200);
    expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
    await api.http().get(`/api/bookings/${res.body.id}`).set('Authorization', w.resident.auth).expect(200);
    const other = await api.http().get(`/api/bookings/${res.body.id}`).set('Authorization', w.otherResident.auth).expect(404);
    expect(other.body.error.code).toBe('BOOKING_NOT_FOUND');
    const theirs = await api.http().get('/api/bookings').set('Authorization', w.otherResident.auth).expect(200);
    expect(theirs.body.items.map((b: { id: string }) => b.id)).not.toContain(res.body.id);
  });

  it('when a lead renames the event and cancels the session, then my bookings show both at once (no list read before is reused)', async () => {
    const eventId = await createEvent(api, w.leadA);
    const sessionId = await addSession(api, w.leadA, eventId, { capacity: 5 });
    await book(api, w.resident, sessionId).expect(201);
    const titleOf = async () => {
      const mine = await api.http().get('/api/bookings').set('Authorization', w.resident.auth).expect(200);
      return mine.body.items.find((b: { event: { id: string } }) => b.event.id === eventId);
    };
    // Read twice: the second read may reuse the first.
    await titleOf();
    expect((await titleOf()).event.title).not.toBe('开放日（新名称）');
    await api.http().patch(`/api/staff/events/${eventId}`).set('Authorization', w.leadA.auth).send({ title: '开放日（新名称）' }).expect(200);
    expect((await titleOf()).event.title).toBe('开放日（新名称）');
    await api.http().post(`/api/staff/event-sessions/${sessionId}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    expect((await titleOf()).session.cancelled).toBe(true);
  });

  it('when the resident books the same session again, then 409 ALREADY_BOOKED', async () => {
    const sessionId = await newSession(api, w);
    await book(api, w.resident, sessionId).expect(201);
    const again = await book(api, w.resident, sessionId, 2).expect(409);
    expect(again.body.error.code).toBe('ALREADY_BOOKED');
    expect((await ledger(api, sessionId)).seats).toBe(1);
  });

  it.each([
    ['party of 0', 'VALIDATION_FAILED', { partySize: 0 }],
    ['party of 5', 'VALIDATION_FAILED', { partySize: 5 }],
    ['party of 1.5', 'VALIDATION_FAILED', { partySize: 1.5 }],
    ['a status', 'UNKNOWN_FIELD', { status: 'confirmed' }],
    ['a code', 'UNKNOWN_FIELD', { code: 'AAAAAAAA' }],
  ])('when the booking has %s, then 400 %s', async (_name, code, over) => {
    const sessionId = await newSession(api, w);
    const res = await api.http().post('/api/bookings').set('Authorization', w.otherResident.auth).send({ sessionId, ...over }).expect(400);
    expect(res.body.error.code).toBe(code);
  });

  it('when a party is larger than the whole session, then 409 PARTY_TOO_LARGE and the next booker is seated at once', async () => {
    const sessionId = await newSession(api, w, { capacity: 3 });
    const big = await book(api, w.resident, sessionId, 4).expect(409);
    expect(big.body.error.code).toBe('PARTY_TOO_LARGE');
    expect(big.body.error.message).toContain('3');
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 0, waitlistedBookings: 0, line: [] });
    expect((await book(api, w.otherResident, sessionId, 1).expect(201)).body.status).toBe('confirmed');
    // Nothing of the refused booking stays: the resident may book a party that fits.
    expect((await book(api, w.resident, sessionId, 2).expect(201)).body.status).toBe('confirmed');
  });

  it('when the session is unknown, then 404; without a token, 401', async () => {
    const res = await book(api, w.resident, '0123456789abcdef01234567').expect(404);
    expect(res.body.error.code).toBe('EVENT_SESSION_NOT_FOUND');
    await api.http().post('/api/bookings').send({ sessionId: '0123456789abcdef01234567' }).expect(401);
  });

  it('when the session is past, not open yet, closed or cancelled, then 409 with the matching code', async () => {
    const now = Date.now();
    const past = await newSession(api, w);
    await setSessionTimes(api, past, { startAt: new Date(now - HOUR), endAt: new Date(now + HOUR) });
    expect((await book(api, w.resident, past).expect(409)).body.error.code).toBe('SESSION_PAST');
    const notOpen = await newSession(api, w, { bookingOpensAt: inFuture(DAY) });
    expect((await book(api, w.resident, notOpen).expect(409)).body.error.code).toBe('BOOKING_NOT_OPEN');
    const closed = await newSession(api, w);
    await setSessionTimes(api, closed, { bookingClosesAt: new Date(now - 1000) });
    expect((await book(api, w.resident, closed).expect(409)).body.error.code).toBe('BOOKING_NOT_OPEN');
    const cancelled = await newSession(api, w);
    await api.http().post(`/api/staff/event-sessions/${cancelled}/cancel`).set('Authorization', w.leadA.auth).expect(200);
    const res = await book(api, w.resident, cancelled).expect(409);
    expect(res.body.error.code).toBe('SESSION_CANCELLED');
    expect(res.body.error.message).toMatch(/取消/);
  });

  it('when a resident cancels before the cut-off, then the seats free up and they may book again with a new code', async () => {
    const sessionId = await newSession(api, w, { capacity: 3 });
    const first = await book(api, w.resident, sessionId, 3).expect(201);
    const cancelled = await api.http().post(`/api/bookings/${first.body.id}/cancel`).set('Authorization', w.resident.auth).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(cancelled.body.cancelledAt).toBeTruthy();
    expect((await ledger(api, sessionId)).seats).toBe(0);
    // Cancelling twice answers the same.
    await api.http().post(`/api/bookings/${first.body.id}/cancel`).set('Authorization', w.resident.auth).expect(200);
    const again = await book(api, w.resident, sessionId, 1).expect(201);
    expect(again.body.status).toBe('confirmed');
    expect(again.body.code).not.toBe(first.body.code);
    const mine = await api.http().get('/api/bookings').set('Authorization', w.resident.auth).expect(200);
    const statuses = mine.body.items.filter((b: { session: { id: string } }) => b.session.id === sessionId).map((b: { status: string }) => b.status);
    expect(statuses.sort()).toEqual(['cancelled', 'confirmed']);
    // Someone else's booking cannot be cancelled by them.
    await api.http().post(`/api/bookings/${again.body.id}/cancel`).set('Authorization', w.otherResident.auth).expect(404);
  });

  it('when the cut-off has passed, then cancelling a confirmed booking is 409 but a waitlisted one may leave', async () => {
    const sessionId = await newSession(api, w, { capacity: 1, cancelCutoffAt: inFuture(DAY) });
    const seated = await book(api, w.resident, sessionId).expect(201);
    const waiting = await book(api, w.otherResident, sessionId).expect(201);
    await setSessionTimes(api, sessionId, { cancelCutoffAt: new Date(Date.now() - 1000) });
    const view = await api.http().get(`/api/bookings/${seated.body.id}`).set('Authorization', w.resident.auth).expect(200);
    expect(view.body.canCancel).toBe(false);
    const res = await api.http().post(`/api/bookings/${seated.body.id}/cancel`).set('Authorization', w.resident.auth).expect(409);
    expect(res.body.error.code).toBe('CANCEL_CUTOFF_PASSED');
    await api.http().post(`/api/bookings/${waiting.body.id}/cancel`).set('Authorization', w.otherResident.auth).expect(200);
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 1, confirmedBookings: 1, waitlistedBookings: 0 });
  });
});

describe('waitlist', () => {
  it('when seats free up, then the waitlist is promoted in order and the promoted resident is notified', async () => {
    const sessionId = await newSession(api, w, { capacity: 2 });
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => loginAs(api.db, 'resident', { name: `候补${i}` })));
    const seated = [await book(api, people[0], sessionId).expect(201), await book(api, people[1], sessionId).expect(201)];
    const waiting = [];
    for (const p of people.slice(2)) waiting.push(await book(api, p, sessionId).expect(201));
    expect(waiting.map((r) => [r.body.status, r.body.waitlistPosition])).toEqual([['waitlisted', 1], ['waitlisted', 2], ['waitlisted', 3]]);
    const detail = await api.http().get(`/api/events/${seated[0].body.event.id}`).expect(200);
    expect(detail.body.sessions[0]).toMatchObject({ seatsLeft: 0, waitlisted: 3, bookable: true });

    await api.http().post(`/api/bookings/${seated[1].body.id}/cancel`).set('Authorization', people[1].auth).expect(200);
    const first = await api.http().get(`/api/bookings/${waiting[0].body.id}`).set('Authorization', people[2].auth).expect(200);
    expect(first.body.status).toBe('confirmed');
    const second = await api.http().get(`/api/bookings/${waiting[1].body.id}`).set('Authorization', people[3].auth).expect(200);
    expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const notice = await outboxFor(`booking:${waiting[0].body.id}:promoted`);
    expect(notice).toHaveLength(1);
    expect(String(notice[0].userId)).toBe(people[2].id);

    // The next in line leaves; then a seat frees and the third (now first) gets it.
    await api.http().post(`/api/bookings/${waiting[1].body.id}/cancel`).set('Authorization', people[3].auth).expect(200);
    await api.http().post(`/api/bookings/${seated[0].body.id}/cancel`).set('Authorization', people[0].auth).expect(200);
    const third = await api.http().get(`/api/bookings/${waiting[2].body.id}`).set('Authorization', people[4].auth).expect(200);
    expect(third.body.status).toBe('confirmed');
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 2, confirmedBookings: 2, waitlistedBookings: 0, line: [] });
  });

  it('when the head of the line is a party bigger than the free seats, then nobody behind it jumps the line', async () => {
    const sessionId = await newSession(api, w, { capacity: 3 });
    const [a, b, big, small] = await Promise.all(Array.from({ length: 4 }, () => loginAs(api.db, 'resident')));
    const seatedA = await book(api, a, sessionId, 2).expect(201);
    await book(api, b, sessionId, 1).expect(201);
    const bigRes = await book(api, big, sessionId, 3).expect(201);
    const smallRes = await book(api, small, sessionId, 1).expect(201);
    expect([bigRes.body.status, smallRes.body.status]).toEqual(['waitlisted', 'waitlisted']);
    await api.http().post(`/api/bookings/${seatedA.body.id}/cancel`).set('Authorization', a.auth).expect(200);
    // 2 seats free: the party of 3 at the head does not fit, and the party of 1 waits behind it.
    expect((await api.http().get(`/api/bookings/${smallRes.body.id}`).set('Authorization', small.auth).expect(200)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // The lead adds a seat: now the party of 3 fits, then no one else.
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 4 }).expect(200);
    expect((await api.http().get(`/api/bookings/${bigRes.body.id}`).set('Authorization', big.auth).expect(200)).body.status).toBe('confirmed');
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 4, confirmedPeople: 4, waitlistedBookings: 1 });
  });

  it('when a party bigger than the whole session is already in line (booked before a racing shrink), then it blocks nobody and moves up once it fits', async () => {
    const sessionId = await newSession(api, w, { capacity: 4 });
    const sid = new Types.ObjectId(sessionId);
    const [a, big, small] = await Promise.all(Array.from({ length: 3 }, () => loginAs(api.db, 'resident')));
    const seatedA = await book(api, a, sessionId, 1).expect(201);
    const bigRes = await book(api, big, sessionId, 4).expect(201);
    expect(bigRes.body.status).toBe('waitlisted');
    // As if the capacity had been cut to 3 while the party of 4 was joining the line.
    await api.db.collection('event_sessions').updateOne({ _id: sid }, { $set: { capacity: 3 } });
    await api.db.collection('event_seats').updateOne({ sessionId: sid, bookingId: new Types.ObjectId(seatedA.body.id) }, { $set: { seat: 1 } });
    expect((await book(api, small, sessionId, 1).expect(201)).body.status).toBe('confirmed');
    expect((await api.http().get(`/api/bookings/${bigRes.body.id}`).set('Authorization', big.auth).expect(200)).body.status).toBe('waitlisted');
    // Room for 4 again (2 booked of 6): the party of 4 is seated.
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 6 }).expect(200);
    expect((await api.http().get(`/api/bookings/${bigRes.body.id}`).set('Authorization', big.auth).expect(200)).body.status).toBe('confirmed');
    expect(await ledger(api, sessionId)).toMatchObject({ seats: 6, confirmedPeople: 6, line: [] });
  });
});

describe('capacity changes', () => {
  it('when the capacity would drop below a waiting party, then 409 CAPACITY_BELOW_PARTY and nothing changes', async () => {
    const sessionId = await newSession(api, w, { capacity: 4 });
    await book(api, w.resident, sessionId, 1).expect(201);
    expect((await book(api, w.otherResident, sessionId, 4).expect(201)).body.status).toBe('waitlisted');
    const res = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(409);
    expect(res.body.error.code).toBe('CAPACITY_BELOW_PARTY');
    expect(res.body.error.message).toContain('4');
    const sid = new Types.ObjectId(sessionId);
    expect((await api.db.collection('event_sessions').findOne({ _id: sid }))!.capacity).toBe(4);
    expect(await api.db.collection('event_seats').countDocuments({ sessionId: sid, bookingId: null })).toBe(0);
  });

  it('when the capacity is reduced below the seats booked, then 409 and nothing changes', async () => {
    const sessionId = await newSession(api, w, { capacity: 6 });
    await book(api, w.resident, sessionId, 4).expect(201);
    const res = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 3 }).expect(409);
    expect(res.body.error.code).toBe('CAPACITY_BELOW_BOOKED');
    expect((await api.db.collection('event_sessions').findOne({ _id: new Types.ObjectId(sessionId) }))!.capacity).toBe(6);
  });

  it('when the capacity is reduced to the seats booked, then bookings above it move down and no new seat exists above it', async () => {
    const sessionId = await newSession(api, w, { capacity: 20 });
    const people = await Promise.all(Array.from({ length: 6 }, () => loginAs(api.db, 'resident')));
    for (const p of people) await book(api, p, sessionId).expect(201);
    const res = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 6 }).expect(200);
    expect(res.body).toMatchObject({ capacity: 6, seatsTaken: 6, seatsLeft: 0 });
    const after = await ledger(api, sessionId);
    expect(after.seatNumbers.every((s) => s >= 1 && s <= 6)).toBe(true);
    expect(after.seats).toBe(6);
    const late = await book(api, w.otherResident, sessionId).expect(201);
    expect(late.body.status).toBe('waitlisted');
    // Growing again seats the waitlist.
    await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ capacity: 7 }).expect(200);
    expect((await api.http().get(`/api/bookings/${late.body.id}`).set('Authorization', w.otherResident.auth).expect(200)).body.status).toBe('confirmed');
  });

  it('when a lead moves the times, then they change; out of order, 400', async () => {
    const sessionId = await newSession(api, w);
    const startAt = inFuture(4 * DAY);
    const res = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ startAt, endAt: inFuture(4 * DAY + HOUR) }).expect(200);
    expect(res.body.startAt).toBe(startAt);
    const bad = await api.http().patch(`/api/staff/event-sessions/${sessionId}`).set('Authorization', w.leadA.auth).send({ endAt: inFuture(HOUR) }).expect(400);
    expect(bad.body.error.code).toBe('INVALID_DATE_RANGE');
  });
});

describe('check-in and attendance', () => {
  it('when an officer of the station types the code, then it is checked in once; a second scan says when', async () => {
    const sessionId = await newSession(api, w);
    const booking = await book(api, w.resident, sessionId, 2).expect(201);
    const typed = `${booking.body.code.slice(0, 4).toLowerCase()}-${booking.body.code.slice(4)} `;
    const res = await api.http().post('/api/staff/checkins').set('Authorization', w.officerA.auth).send({ code: typed, sessionId }).expect(201);
    expect(res.body.attendee).toMatchObject({ code: booking.body.code, name: '张三', phone: '138****1234', partySize: 2, status: 'confirmed' });
    expect(res.body.checkedInAt).toBeTruthy();
    const twice = await api.http().post('/api/staff/checkins').set('Authorization', w.leadA.auth).send({ code: booking.body.code }).expect(409);
    expect(twice.body.error.code).toBe('ALREADY_CHECKED_IN');
    expect(twice.body.error.message).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 签到/);
    expect(twice.body.error.details[0].message).toBe(res.body.checkedInAt);
    const mine = await api.http().get(`/api/bookings/${booking.body.id}`).set('Authorization', w.resident.auth).expect(200);
    expect(mine.body).toMatchObject({ checkedInAt: res.body.checkedInAt, canCancel: false });
    const cancel = await api.http().post(`/api/bookings/${booking.body.id}/cancel`).set('Authorization', w.resident.auth).expect(409);
    expect(cancel.body.error.code).toBe('ALREADY_CHECKED_IN');
  });

  it('when ten officers scan one code at once, then exactly one check-in is recorded', async () => {
    const sessionId = await newSession(api, w);
    const booking = await book(api, w.otherResident, sessionId).expect(201);
    const results = await Promise.all(Array.from({ length: 10 }, () => api.http().post('/api/staff/checkins').set('Authorization', w.officerA.auth).send({ code: booking.body.code })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await api.db.collection('event_checkins').countDocuments({ bookingId: new Types.ObjectId(booking.body.id) })).toBe(1);
  });

  it('when the code is wrong, of another station, waitlisted, cancelled or for another session, then it is refused', async () => {
    const sessionId = await newSession(api, w, { capacity: 1 });
    const seated = await book(api, w.resident, sessionId).expect(201);
    const waiting = await book(api, w.otherResident, sessionId).expect(201);
    const checkin = (user = w.officerA, body: Record<string, unknown>) => api.http().post('/api/staff/checkins').set('Authorization', user.auth).send(body);
    expect((await checkin(w.officerA, { code: 'ZZZZZZZZ' }).expect(404)).body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await checkin(w.officerA, { code: '0O1IL' }).expect(404)).body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await checkin(w.officerB, { code: seated.body.code }).expect(404)).body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await checkin(w.officerA, { code: waiting.body.code }).expect(409)).body.error.code).toBe('BOOKING_WAITLISTED');
    const other = await newSession(api, w);
    expect((await checkin(w.officerA, { code: seated.body.code, sessionId: other }).expect(404)).body.error.message).toMatch(/本场次/);
    await api.http().post(`/api/bookings/${seated.body.id}/cancel`).set('Authorization', w.resident.auth).expect(200);
    const gone = await checkin(w.officerA, { code: seated.body.code }).expect(404);
    expect(gone.body.error.message).toMatch(/已取消/);
  });

  it('when the attendance is asked for, then it lists bookings with masked phones and totals, as JSON and as CSV', async () => {
    const sessionId = await newSession(api, w, { capacity: 3 });
    const comma = await loginAs(api.db, 'resident', { name: '=王,五"', phone: '13900001111' });
    const a = await book(api, w.resident, sessionId, 2).expect(201);
    await book(api, comma, sessionId, 1).expect(201);
    const waiting = await book(api, w.otherResident, sessionId, 1).expect(201);
    await api.http().post('/api/staff/checkins').set('Authorization', w.officerA.auth).send({ code: a.body.code }).expect(201);

    const res = await api.http().get(`/api/staff/event-sessions/${sessionId}/attendance`).set('Authorization', w.officerA.auth).expect(200);
    expect(res.body.totals).toEqual({ bookings: 2, people: 3, checkedInBookings: 1, checkedInPeople: 2, waitlisted: 1 });
    expect(res.body.items.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(res.body.items[2]).toMatchObject({ code: waiting.body.code, waitlistPosition: 1, partyExceedsCapacity: false });
    expect(JSON.stringify(res.body)).not.toMatch(/13812341234|13900001111/);

    const csv = await api.http().get(`/api/staff/event-sessions/${sessionId}/attendance.csv`).set('Authorization', w.leadA.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toContain(`attendance-${sessionId}.csv`);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('预约码,姓名,手机号,人数,状态,候补顺位,签到时间');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${a.body.code},张三,138\\*\\*\\*\\*1234,2,已预约,,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
    expect(lines[2]).toContain(`"'=王,五""",139****1111,1,已预约,,`);
    expect(lines[3]).toMatch(/,1,候补中,1,$/);
    expect(bytes.toString('utf8')).not.toMatch(/13812341234|13900001111/);
  });

  it('when staff list their events, then their station’s events come with sessions; an admin may pick a station', async () => {
    const eventId = await createEvent(api, w.leadA, { title: '员工列表里的活动' });
    const res = await api.http().get('/api/staff/events').set('Authorization', w.officerA.auth).expect(200);
    expect(res.body.items.map((e: { id: string }) => e.id)).toContain(eventId);
    expect(res.body.items.every((e: { stationId: string }) => e.stationId === w.stationA)).toBe(true);
    const adminB = await api.http().get('/api/staff/events').query({ stationId: w.stationB }).set('Authorization', w.admin.auth).expect(200);
    expect(adminB.body.items.every((e: { stationId: string }) => e.stationId === w.stationB)).toBe(true);
    await api.http().get('/api/staff/events').query({ stationId: w.stationA }).set('Authorization', w.officerB.auth).expect(403);
  });
});

describe('OpenAPI', () => {
  it('when the document is read, then every events route is in it', async () => {
    const res = await api.http().get('/api/openapi.json').expect(200);
    for (const path of ['/api/events', '/api/events/{id}', '/api/bookings', '/api/bookings/{id}/cancel', '/api/staff/events/{id}/sessions', '/api/staff/event-sessions/{id}/attendance.csv', '/api/staff/checkins']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
  });
});
