const autocannon = require('/work/main/node_modules/autocannon');
const { startBenchStack } = require('/work/main/tests/bench/stack');
(async () => {
  const stack = await startBenchStack({ env: { NODE_OPTIONS: '--require /tmp/profhook.js' } });
  const url = process.argv[2] === 'live' ? `${stack.baseUrl}/api/health/live` : `${stack.baseUrl}/api/stations/nearest?lat=32.5395&lng=120.4595&limit=10`;
  const r = await new Promise((res, rej) => autocannon({ url, connections: 50, duration: 10 }, (e, x) => (e ? rej(e) : res(x))));
  console.log(r.requests.average, r.latency.p99);
  await stack.stop();
})();
