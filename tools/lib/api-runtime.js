// How an API process is started, in one place: `npm run serve` (tools/serve.js),
// `npm start` (tools/start.js) and the benchmarks (tests/bench/stack.js) use it, so
// the figures in docs/performance.md are those of the product as it runs.

/**
 * Node's own flags for an API process (node:cluster gives the workers the same).
 * --max-semi-space-size=48 (MB; Node 20's default is 16): a request's objects die
 * young, but with 50 requests in flight a 16 MB young generation fills before
 * they do. On this VM, whenever it ran slow, each scavenge then copied
 * survivors for 3.5–6 ms and promoted enough to need mark-compacts: nearest
 * at 50 connections gave 4,500–5,300 req/s with p99 25–29 ms. At 48 MB
 * scavenges took 1 ms and no mark-compact ran: 5,800–7,200 req/s, p99 17–18 ms.
 * When the VM ran fast, 16, 32 and 48 MB were alike. 64 MB helped no more and
 * raised P3's peak RSS by up to 26 MB; 48 raises it by 4–9 MB (docs/performance.md).
 */
const API_NODE_ARGS = ['--max-semi-space-size=48'];

/**
 * MALLOC_ARENA_MAX=1: glibc otherwise gives each libvips thread its own heap
 * arena, which keeps photo re-encoding memory long after; one arena shared by
 * the process peaks lowest with no measurable cost in time (P3 in docs/performance.md).
 * A value set outside wins.
 */
const API_ENV_DEFAULTS = { MALLOC_ARENA_MAX: '1' };

module.exports = { API_NODE_ARGS, API_ENV_DEFAULTS };
