// R1/R2 against a real API process over HTTP (docs/reliability.md, R1/R2): 200 residents book
// one session of capacity 20 at once, BENCH_ROUNDS rounds (default 20), data
// kept between rounds; then one resident sends 20 bookings for one session at
// once. Prints what the database holds after each round and fails on any
// overbooking. `node tests/bench/booking.bench.js` or `npm run bench -- r1`.
const { MongoClient, ObjectId } = require('mongodb');
const path = require('node:path');
const { startBenchStack } = require('./stack');
const { appoint, signIn, startStandin } = require('./sign-in');
const { ROOT, run } = require('../../tools/lib/proc');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const RESIDENTS = 200;
const CAPACITY = 20;
const DAY = 86_400_000;

async function benchBooking() {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  // Event text goes through the content check, and users sign in: the local WeChat stand-in.
  const standin = await startStandin();
  const stack = await startBenchStack();
  const client = await MongoClient.connect(stack.env.MONGODB_URI);
  const db = client.db(stack.env.MONGODB_DB);
  let n = 0;
  /** A user signed in through the login route (a new resident), appointed to `role` when not a resident. */
  async function user(role, stationId = null) {
    const { auth, id } = await signIn(stack.baseUrl, `bench-${process.pid}-${++n}`);
    if (role !== 'resident') await appoint(stack.baseUrl, id, role, { stationId });
    return auth;
  }
  const call = (auth, method, url, body) =>
    fetch(`${stack.baseUrl}${url}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body && JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
  async function newSession(lead) {
    const event = await call(lead, 'POST', '/api/staff/events', { title: '压测开放日', kind: 'open_day', description: '并发预约压测', place: '工作站' });
    if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`);
    const start = Date.now() + 2 * DAY;
    const session = await call(lead, 'POST', `/api/staff/events/${event.body.id}/sessions`, { startAt: new Date(start).toISOString(), endAt: new Date(start + 3_600_000).toISOString(), capacity: CAPACITY });
    if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
    return session.body.id;
  }
  try {
    const station = await db.collection('stations').findOne({ community: '嘉麟社区' });
    const lead = await user('lead', station._id);
    const residents = [];
    for (let i = 0; i < RESIDENTS; i++) residents.push(await user('resident'));
    let failures = 0;
    console.log(`R1 (${RESIDENTS} residents at once, capacity ${CAPACITY}, ${ROUNDS} rounds, data kept)`);
    for (let round = 1; round <= ROUNDS; round++) {
      const sessionId = await newSession(lead);
      const started = Date.now();
      const results = await Promise.all(residents.map((auth) => call(auth, 'POST', '/api/bookings', { sessionId })));
      const ms = Date.now() - started;
      const sid = new ObjectId(sessionId);
      const seats = await db.collection('event_seats').countDocuments({ sessionId: sid, bookingId: { $ne: null } });
      const confirmed = await db.collection('event_bookings').countDocuments({ sessionId: sid, status: 'confirmed' });
      const waiting = await db.collection('event_bookings').countDocuments({ sessionId: sid, status: 'waitlisted' });
      const errors = results.filter((r) => r.status !== 201).length;
      const ok = seats === CAPACITY && confirmed === CAPACITY && waiting === RESIDENTS - CAPACITY && errors === 0;
      if (!ok) failures++;
      console.log(`  round ${String(round).padStart(2)}: seats ${seats}, confirmed ${confirmed}, waitlisted ${waiting}, errors ${errors}, ${ms} ms (${((RESIDENTS / ms) * 1000).toFixed(0)} bookings/s) ${ok ? 'ok' : 'FAIL'}`);
    }
    const sessionId = await newSession(lead);
    const same = await Promise.all(Array.from({ length: 20 }, () => call(residents[0], 'POST', '/api/bookings', { sessionId })));
    const created = same.filter((r) => r.status === 201).length;
    const refused = same.filter((r) => r.status === 409 && r.body.error.code === 'ALREADY_BOOKED').length;
    console.log(`R2 (one resident, 20 bookings at once): ${created} booking, ${refused} × 409 ALREADY_BOOKED ${created === 1 && refused === 19 ? 'ok' : 'FAIL'}`);
    if (failures > 0 || created !== 1) process.exitCode = 1;
  } finally {
    await client.close();
    await stack.stop();
    await standin.stop();
  }
}

module.exports = { benchBooking };

if (require.main === module) {
  benchBooking().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
