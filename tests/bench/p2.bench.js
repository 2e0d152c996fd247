// P2: creating a case through the API (POST /api/cases: validation, the WeChat
// content check at the local stand-in, routing to the nearest station, the
// Idempotency-Key claim, the timeline entry, list positions, aggregate marks,
// the outbox) vs the raw `mongodb` driver's insertOne of the same document
// into the same collection of the same database. Both at CONCURRENCY requests
// in flight for BENCH_SECONDS each. `npm run bench -- p2`.
const { MongoClient, ObjectId } = require('mongodb');
const path = require('node:path');
const { startBenchStack } = require('./stack');
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
    const api = await loop(DURATION_S, create);
    // The same document the API stored, inserted again and again under new ids.
    const sample = await db.collection('cases').findOne({}, { sort: { _id: -1 } });
    const raw = await loop(DURATION_S, async () => {
      await db.collection('cases').insertOne({ ...sample, _id: new ObjectId() });
    });
    const row = (name, r) => `${name.padEnd(34)} ${r.perSecond.toFixed(1).padStart(7)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`;
    console.log(`P2 (${CONCURRENCY} in flight, ${DURATION_S} s each, one API process)`);
    console.log(row('API POST /api/cases', api));
    console.log(row('mongodb insertOne (same doc)', raw));
    console.log(`case creation via API / raw insertOne: ${((api.perSecond / raw.perSecond) * 100).toFixed(0)}% (target ≥ 50%)`);
    return { api, raw };
  } finally {
    await client.close();
    await stack.stop();
    await standin.stop();
  }
}

module.exports = { benchP2, loop };

if (require.main === module) benchP2().catch((err) => {
  console.error(err);
  process.exit(1);
});
