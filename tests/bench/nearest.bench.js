// P1: GET nearest stations vs the same server's cheapest route (a constant
// reply through the full middleware stack) and vs a bare Koa handler.
const autocannon = require('autocannon');
const Koa = require('koa');
const { startBenchStack } = require('./stack');

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
// Informative only (the target is at 50): the tail when the load generator
// keeps fewer requests in flight (docs/performance.md, P1).
const FEW_CONNECTIONS = 10;

function load(url, connections = CONNECTIONS) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: DURATION_S }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function bareKoa() {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { status: 'ok' };
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function benchNearest() {
  const stack = await startBenchStack();
  const koa = await bareKoa();
  try {
    const nearestUrl = `${stack.baseUrl}/api/stations/nearest?lat=32.5395&lng=120.4595&limit=10`;
    await load(nearestUrl); // warm-up
    const koaRun = await load(`http://127.0.0.1:${koa.address().port}/`);
    const live = await load(`${stack.baseUrl}/api/health/live`);
    const nearest = await load(nearestUrl);
    const nearestFew = await load(nearestUrl, FEW_CONNECTIONS);
    const row = (name, r) =>
      `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
    console.log(`P1 (${CONNECTIONS} connections, ${DURATION_S} s each)`);
    console.log(row('bare Koa constant', koaRun));
    console.log(row('API /api/health/live', live));
    console.log(row('API /api/stations/nearest', nearest));
    const ratio = nearest.requests.average / live.requests.average;
    console.log(`nearest / cheapest route: ${(ratio * 100).toFixed(0)}% (target ≥ 80%)`);
    console.log(`cheapest route / bare Koa: ${((live.requests.average / koaRun.requests.average) * 100).toFixed(0)}% (the stack's cost)`);
    console.log(`nearest p99: ${nearest.latency.p99} ms (target ≤ 15 ms)`);
    console.log(
      `informative, not the target — nearest at ${FEW_CONNECTIONS} connections: ${nearestFew.requests.average.toFixed(0)} req/s, p50 ${nearestFew.latency.p50} ms, p99 ${nearestFew.latency.p99} ms`,
    );
  } finally {
    koa.close();
    await stack.stop();
  }
}

module.exports = { benchNearest };
