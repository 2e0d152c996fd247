// P2: creating a case through the API (POST /api/cases: validation, the WeChat
// content check at the local stand-in, routing to the nearest station, the
// Idempotency-Key claim, the timeline entry, list positions, aggregate marks,
// the outbox) vs the raw `mongodb` driver's insertOne of the same document
// into the same collection of the same database. Both at CONCURRENCY requests
// in flight for BENCH_SECONDS each. `npm run bench -- p2`.
const { MongoClient, ObjectId } = require('mongodb');
const path = require('node:path');
const { startBenchStack, treeCpuSeconds } = require('./stack');
const { signIn, startStandin } = require('./sign-in');
const { ROOT, run } = require('../../tools/lib/proc');

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 10;
const RESIDENTS = 20;

/** Runs `op(i)` in CONCURRENCY loops for `seconds`; ops/s and latency percentiles (ms). */
async function loop(seconds, op) {
  const latencies = [];
  const until = Date.now() + seconds * 1000;
  let n = 0;
  let errors = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        try {
          await op(n++);
        } catch (err) {
          errors += 1;
          if (errors === 1) console.error(`  first error: ${err.message}`);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: (latencies.length - errors) / elapsed, p50: at(0.5), p99: at(0.99), errors, count: latencies.length };
}

async function benchP2() {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const standin = await startStandin(); // the content check of the description
  const stack = await startBenchStack();
  const client = await MongoClient.connect(stack.env.MONGODB_URI, { maxPoolSize: CONCURRENCY * 2 });
  const db = client.db(stack.env.MONGODB_DB);
  try {
    const residents = [];
    for (let i = 0; i < RESIDENTS; i++) residents.push((await signIn(stack.baseUrl, `p2-${process.pid}-${i}`)).auth);
    const body = { category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', lat: 32.5395, lng: 120.4595 };
    const create = async (i) => {
      const res = await fetch(`${stack.baseUrl}/api/cases`, {
        method: 'POST',
        headers: { authorization: residents[i % RESIDENTS], 'content-type': 'application/json', 'idempotency-key': `p2-${process.pid}-${i}-${Date.now()}` },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /api/cases → ${res.status}`);
    };
    await loop(2, create); // warm-up
    const cpu = () => ({ api: treeCpuSeconds(stack.pid), database: stack.dbPid ? treeCpuSeconds(stack.dbPid) : NaN });
    const beforeApi = cpu();
    const api = await loop(DURATION_S, create);
    const afterApi = cpu();
    // The same document the API stored, inserted again and again under new ids.
    const sample = await db.collection('cases').findOne({}, { sort: { _id: -1 } });
    const raw = await loop(DURATION_S, async () => {
      await db.collection('cases').insertOne({ ...sample, _id: new ObjectId() });
    });
    const afterRaw = cpu();
    const row = (name, r) => `${name.padEnd(34)} ${r.perSecond.toFixed(1).padStart(7)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`;
    console.log(`P2 (${CONCURRENCY} in flight, ${DURATION_S} s each, one API process)`);
    console.log(row('API POST /api/cases', api));
    console.log(row('mongodb insertOne (same doc)', raw));
    console.log(`case creation via API / raw insertOne: ${((api.perSecond / raw.perSecond) * 100).toFixed(0)}% (target ≥ 50%)`);
    // Where the two cores went: CPU time of each process tree over its phase, per operation.
    const perOp = (from, to, part, r) => (((to[part] - from[part]) / (r.count - r.errors)) * 1000).toFixed(2);
    console.log(
      `CPU per creation: API ${perOp(beforeApi, afterApi, 'api', api)} ms, database ${perOp(beforeApi, afterApi, 'database', api)} ms; ` +
        `per raw insertOne: database ${perOp(afterApi, afterRaw, 'database', raw)} ms`,
    );
    await printCommandCosts(db);
    return { api, raw };
  } finally {
    await client.close();
    await stack.stop();
    await standin.stop();
  }
}

/**
 * What the database charges for each kind of command one creation sends (one at a
 * time, on the same database, in a scratch collection): a creation sends three of
 * its own and shares the heads, marks and versions with concurrent creations
 * (ADR 0014; docs/performance.md, P2), a raw insertOne is one.
 */
async function printCommandCosts(db) {
  const scratch = db.collection(`p2_scratch_${process.pid}`);
  await scratch.insertOne({ _id: 'known', n: 0 });
  let k = 0;
  const kinds = [
    ['find one by _id (session, version)', () => scratch.findOne({ _id: 'known' })],
    ['insertOne (Idempotency-Key, case)', () => scratch.insertOne({ _id: `one-${++k}`, n: k })],
    ['insert of 3 new documents (positions)', () => scratch.insertMany([1, 2, 3].map((j) => ({ _id: `three-${++k}-${j}`, n: j })), { ordered: false })],
    ['insert of 6 new documents (marks before)', () => scratch.insertMany([1, 2, 3, 4, 5, 6].map((j) => ({ _id: `six-${++k}-${j}`, n: j })), { ordered: false })],
    ['insert of 6 existing documents (marks after)', () => scratch.insertMany([1, 2, 3, 4, 5, 6].map(() => ({ _id: 'known' })), { ordered: false }).catch(() => undefined)],
    ['one upsert', () => scratch.updateOne({ _id: 'head' }, { $max: { n: ++k } }, { upsert: true })],
    ['bulkWrite of 3 upserts (heads)', () => scratch.bulkWrite(['h1', 'h2', 'h3'].map((_id) => ({ updateOne: { filter: { _id }, update: { $max: { n: ++k } }, upsert: true } })), { ordered: false })],
    ['bulkWrite of 4 upserts (list versions)', () => scratch.bulkWrite(['v1', 'v2', 'v3', 'v4'].map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { v: String(++k) } }, upsert: true } })), { ordered: false })],
  ];
  console.log('What each kind of command costs here (one at a time, median of 100):');
  for (const [name, op] of kinds) {
    const times = [];
    for (let i = 0; i < 105; i++) {
      const t = performance.now();
      await op();
      if (i >= 5) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(46)} ${times[50].toFixed(2).padStart(6)} ms`);
  }
  await scratch.drop();
}

module.exports = { benchP2, loop };

if (require.main === module) benchP2().catch((err) => {
  console.error(err);
  process.exit(1);
});
