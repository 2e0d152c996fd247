import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { addSession, book, buildWorld, createEvent, type World } from '../../../../tests/support/events';
import { hashToken } from '../auth/token';

// Every events route × every kind of caller: a 2xx only where the table says so.

type Party =
  | 'leadOfStation'
  | 'officerOfStation'
  | 'leadOfOtherStation'
  | 'officerOfOtherStation'
  | 'bookingOwner'
  | 'otherResident'
  | 'secretary'
  | 'admin'
  | 'noToken'
  | 'expiredToken';
const PARTIES: Party[] = ['leadOfStation', 'officerOfStation', 'leadOfOtherStation', 'officerOfOtherStation', 'bookingOwner', 'otherResident', 'secretary', 'admin', 'noToken', 'expiredToken'];
const MANAGERS: Party[] = ['leadOfStation', 'admin'];
const DOOR: Party[] = ['leadOfStation', 'officerOfStation', 'admin'];
const SIGNED_IN: Party[] = PARTIES.filter((p) => p !== 'noToken' && p !== 'expiredToken' && p !== 'bookingOwner');

let api: TestApi;
let w: World;
const auth: Partial<Record<Party, string>> = {};

interface Fixture {
  eventId: string;
  sessionId: string;
  bookingId: string;
  code: string;
}

async function fixture(): Promise<Fixture> {
  const eventId = await createEvent(api, w.leadA);
  const sessionId = await addSession(api, w.leadA, eventId, { capacity: 5 });
  const res = await book(api, w.resident, sessionId).expect(201);
  return { eventId, sessionId, bookingId: res.body.id, code: res.body.code };
}

interface RouteCase {
  name: string;
  call: (f: Fixture, header?: string) => Promise<{ status: number }>;
  allowed: Party[];
  /** A refusal that is not about permission (the owner booking twice: 409 ALREADY_BOOKED). */
  conflict?: Party;
}

const withAuth = <T extends { set(k: string, v: string): T }>(req: T, header?: string): T => (header ? req.set('Authorization', header) : req);
const session = { startAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), endAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(), capacity: 9 };

const ROUTES: RouteCase[] = [
  {
    name: 'POST /api/staff/events',
    call: (_f, h) => withAuth(api.http().post('/api/staff/events'), h).send({ stationId: w.stationA, title: '开放日', kind: 'open_day', description: '欢迎参观', place: '工作站' }),
    allowed: MANAGERS,
  },
  { name: 'PATCH /api/staff/events/:id', call: (f, h) => withAuth(api.http().patch(`/api/staff/events/${f.eventId}`), h).send({ title: '新标题' }), allowed: MANAGERS },
  { name: 'POST /api/staff/events/:id/cancel', call: (f, h) => withAuth(api.http().post(`/api/staff/events/${f.eventId}/cancel`), h), allowed: MANAGERS },
  { name: 'POST /api/staff/events/:id/sessions', call: (f, h) => withAuth(api.http().post(`/api/staff/events/${f.eventId}/sessions`), h).send(session), allowed: MANAGERS },
  { name: 'PATCH /api/staff/event-sessions/:id', call: (f, h) => withAuth(api.http().patch(`/api/staff/event-sessions/${f.sessionId}`), h).send({ capacity: 8 }), allowed: MANAGERS },
  { name: 'POST /api/staff/event-sessions/:id/cancel', call: (f, h) => withAuth(api.http().post(`/api/staff/event-sessions/${f.sessionId}/cancel`), h), allowed: MANAGERS },
  { name: 'GET /api/staff/event-sessions/:id/attendance', call: (f, h) => withAuth(api.http().get(`/api/staff/event-sessions/${f.sessionId}/attendance`), h), allowed: DOOR },
  { name: 'GET /api/staff/event-sessions/:id/attendance.csv', call: (f, h) => withAuth(api.http().get(`/api/staff/event-sessions/${f.sessionId}/attendance.csv`), h), allowed: DOOR },
  { name: 'POST /api/staff/checkins', call: (f, h) => withAuth(api.http().post('/api/staff/checkins'), h).send({ code: f.code }), allowed: DOOR },
  { name: 'GET /api/staff/events?stationId=A', call: (_f, h) => withAuth(api.http().get('/api/staff/events').query({ stationId: w.stationA }), h), allowed: DOOR },
  { name: 'GET /api/bookings/:id', call: (f, h) => withAuth(api.http().get(`/api/bookings/${f.bookingId}`), h), allowed: ['bookingOwner'] },
  { name: 'POST /api/bookings/:id/cancel', call: (f, h) => withAuth(api.http().post(`/api/bookings/${f.bookingId}/cancel`), h), allowed: ['bookingOwner'] },
  { name: 'POST /api/bookings', call: (f, h) => withAuth(api.http().post('/api/bookings'), h).send({ sessionId: f.sessionId }), allowed: SIGNED_IN, conflict: 'bookingOwner' },
  { name: 'GET /api/bookings', call: (_f, h) => withAuth(api.http().get('/api/bookings'), h), allowed: [...SIGNED_IN, 'bookingOwner'] },
  { name: 'GET /api/events/:id', call: (f, h) => withAuth(api.http().get(`/api/events/${f.eventId}`), h), allowed: [...SIGNED_IN, 'bookingOwner', 'noToken'] },
];

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildWorld(api);
  const expired = await loginAs(api.db, 'resident');
  await api.db.collection('sessions').updateOne({ tokenHash: hashToken(expired.token) }, { $set: { expiresAt: new Date(Date.now() - 1) } });
  Object.assign(auth, {
    leadOfStation: w.leadA.auth,
    officerOfStation: w.officerA.auth,
    leadOfOtherStation: w.leadB.auth,
    officerOfOtherStation: w.officerB.auth,
    bookingOwner: w.resident.auth,
    otherResident: w.otherResident.auth,
    secretary: (await loginAs(api.db, 'secretary', { community: '嘉麟社区' })).auth,
    admin: w.admin.auth,
    expiredToken: expired.auth,
  });
}, 60_000);

afterAll(() => api.close());

const matrix = ROUTES.flatMap((route) => PARTIES.map((party) => [route.name, party, route] as const));

it.each(matrix)('%s as %s', async (_name, party, route) => {
  const f = await fixture();
  const res = await route.call(f, auth[party]);
  const ok = res.status >= 200 && res.status < 300;
  expect({ party, ok }).toEqual({ party, ok: route.allowed.includes(party) });
  if (!ok) expect(party === route.conflict ? [409] : [401, 403, 404]).toContain(res.status);
});

it('when a resident reads another resident’s booking or an officer of another station scans it, then it does not exist for them', async () => {
  const f = await fixture();
  expect((await api.http().get(`/api/bookings/${f.bookingId}`).set('Authorization', w.otherResident.auth).expect(404)).body.error.code).toBe('BOOKING_NOT_FOUND');
  expect((await api.http().post('/api/staff/checkins').set('Authorization', w.officerB.auth).send({ code: f.code }).expect(404)).body.error.code).toBe('BOOKING_NOT_FOUND');
  // Nothing was changed by the refused calls.
  expect((await api.http().get(`/api/bookings/${f.bookingId}`).set('Authorization', w.resident.auth).expect(200)).body).toMatchObject({ status: 'confirmed', checkedInAt: null });
});
