// Scaling: requests per second of a mixed resident workload with 1, 2 and 4
// API processes (server/dist/cluster.js, as `npm run serve -- --workers N`)
// on one embedded database. Each connection repeats: nearest stations, my
// cases, a case page, notices, nearest, my cases, a case page, notices,
// nearest, and one case creation in ten. autocannon, CONNECTIONS connections,
// BENCH_SECONDS each. `npm run bench -- scaling` (SCALING_WORKERS=1,2,4).
const autocannon = require('autocannon');
const path = require('node:path');
const { startBenchStack, treeCpuSeconds } = require('./stack');
const { signIn, startStandin } = require('./sign-in');
const { ROOT, run } = require('../../tools/lib/proc');

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const RESIDENTS = 20;
const WORKERS = (process.env.SCALING_WORKERS ?? '1,2,4').split(',').map(Number);
const NEAR = { lat: 32.5395, lng: 120.4595 };

function load(url, requests) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function oneRun(workers) {
  const stack = await startBenchStack({ workers });
  try {
    const users = [];
    for (let i = 0; i < RESIDENTS; i++) {
      const { auth } = await signIn(stack.baseUrl, `scale-${process.pid}-${workers}-${i}`);
      const cases = [];
      for (let j = 0; j < 3; j++) {
        const res = await fetch(`${stack.baseUrl}/api/cases`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': `scale-seed-${process.pid}-${workers}-${i}-${j}` },
          body: JSON.stringify({ category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', ...NEAR }),
        });
        const body = await res.json();
        if (res.status !== 201) throw new Error(`seed case: ${res.status} ${JSON.stringify(body)}`);
        cases.push(body.case.id);
      }
      users.push({ auth, cases });
    }
    let n = 0;
    const pick = () => users[n++ % users.length];
    const get = (pathOf) => ({
      method: 'GET',
      setupRequest: (req) => {
        const u = pick();
        return { ...req, path: pathOf(u), headers: { ...req.headers, authorization: u.auth } };
      },
    });
    const nearest = get(() => `/api/stations/nearest?lat=${NEAR.lat}&lng=${NEAR.lng}&limit=10`);
    const mine = get(() => '/api/cases?limit=20');
    const page = get((u) => `/api/cases/${u.cases[n % u.cases.length]}`);
    const notices = get(() => '/api/notices?limit=20');
    const create = {
      method: 'POST',
      setupRequest: (req) => {
        const u = pick();
        return {
          ...req,
          path: '/api/cases',
          headers: { ...req.headers, authorization: u.auth, 'content-type': 'application/json', 'idempotency-key': `scale-${process.pid}-${workers}-${n}-${Date.now()}` },
          body: JSON.stringify({ category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', ...NEAR }),
        };
      },
    };
    const mix = [nearest, mine, page, notices, nearest, mine, page, notices, nearest, create];
    await load(stack.baseUrl, mix); // warm-up
    const cpu = () => ({ api: treeCpuSeconds(stack.pid), db: stack.dbPid ? treeCpuSeconds(stack.dbPid) : 0, bench: process.cpuUsage() });
    const before = cpu();
    const started = Date.now();
    const r = await load(stack.baseUrl, mix);
    const after = cpu();
    const wall = (Date.now() - started) / 1000;
    const benchCpu = (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6;
    // Cores kept busy, on average, by each part during the run.
    const busy = { api: (after.api - before.api) / wall, db: (after.db - before.db) / wall, bench: benchCpu / wall };
    return { workers, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, busy };
  } finally {
    await stack.stop();
  }
}

async function benchScaling() {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const standin = await startStandin();
  try {
    const rows = [];
    for (const workers of WORKERS) rows.push(await oneRun(workers));
    console.log(`Scaling (mixed resident workload, ${CONNECTIONS} connections, ${DURATION_S} s; ${require('node:os').availableParallelism()} cores shared by the API, the database and the load generator)`);
    for (const r of rows) {
      console.log(
        `${String(r.workers).padStart(2)} process${r.workers === 1 ? ' ' : 'es'} ${r.rps.toFixed(0).padStart(6)} req/s  ×${(r.rps / rows[0].rps).toFixed(2)}   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   errors ${r.errors}` +
          `   cores busy: API ${r.busy.api.toFixed(2)}, database ${r.busy.db.toFixed(2)}, load generator ${r.busy.bench.toFixed(2)}`,
      );
    }
    console.log(`load average during the runs: ${require('node:os').loadavg()[0].toFixed(1)} (other work on this machine counts too)`);
    return rows;
  } finally {
    await standin.stop();
  }
}

module.exports = { benchScaling };

if (require.main === module) benchScaling().catch((err) => {
  console.error(err);
  process.exit(1);
});
