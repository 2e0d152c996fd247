// P4 (docs/performance.md): every screen's read at 1k, 10k and 100k cases in the
// app's own shape, on the embedded default, one API process, 10 connections.
// `npm run bench -- p4` (P4_SIZES=1000,10000,100000, BENCH_SECONDS=5).
// Every list is measured as it is and "after a change": its version bumped
// before each request, as a write does, so no page is reused (ADR 0013).
//
// The shape: 12 stations, 50 reporters, cases received evenly over the last
// 365 days, the newest 10% still open (some overdue), about 3.4 timeline
// entries a case, ratings on most closed cases, a notice per 50 cases, an
// open day (2 sessions, 10 bookings each) per 2,000 cases. Cases are written in
// bulk with the server's own code for positions and derived keys
// (server/dist/modules/cases), and the counts are then rebuilt by the server's
// rebuild command; users sign in through the login route.
const os = require('node:os');
const path = require('node:path');
const { MongoClient, ObjectId } = require('mongodb');
const { ROOT, run } = require('../../tools/lib/proc');
const { startBenchStack } = require('./stack');
const { appoint, signIn, startStandin } = require('./sign-in');

const SIZES = (process.env.P4_SIZES || '1000,10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = 10;
const REPORTERS = 50;
const DAY = 86_400_000;
const H = 3_600_000;
const TARGET_P95_MS = 100;

const dist = (p) => require(path.join(ROOT, 'server', 'dist', p));

async function benchP4() {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared', 'server'], { quiet: true });
  const standin = await startStandin();
  const stack = await startBenchStack();
  const client = await MongoClient.connect(stack.env.MONGODB_URI);
  const db = client.db(stack.env.MONGODB_DB);
  try {
    const world = await makeWorld(stack, db);
    const loader = new Loader(db, world);
    const rows = [];
    for (const size of SIZES) {
      const started = Date.now();
      await loader.growTo(size);
      await rebuildCounts(stack);
      console.log(`\n${size} cases (${loader.entries} timeline entries, ${loader.notices} notices, ${loader.bookings} bookings) loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
      for (const endpoint of endpoints(world, loader, db)) {
        const figures = await measure(stack.baseUrl, endpoint);
        rows.push({ size, name: endpoint.name, ...figures });
        console.log(`  ${endpoint.name.padEnd(34)} p50 ${fmt(figures.p50)}  p95 ${fmt(figures.p95)}  ${String(figures.count).padStart(5)} requests  ${figures.errors ? `${figures.errors} × 5xx` : 'no 5xx'}`);
      }
    }
    printGrowth(rows);
  } finally {
    await client.close();
    await stack.stop();
    await standin.stop();
  }
}

/** Stations from the demo data, 50 reporters and an officer of the first station, signed in through the login route. */
async function makeWorld(stack, db) {
  const stations = await db.collection('stations').find().sort({ name: 1 }).toArray();
  const reporters = [];
  for (let i = 0; i < REPORTERS; i++) reporters.push(await signIn(stack.baseUrl, `p4-resident-${i}`));
  const station = stations.find((s) => s.community === '嘉麟社区');
  const officer = await signIn(stack.baseUrl, 'p4-officer');
  await appoint(stack.baseUrl, officer.id, 'officer', { stationId: String(station._id) });
  const lead = await signIn(stack.baseUrl, 'p4-lead');
  await appoint(stack.baseUrl, lead.id, 'lead', { stationId: String(station._id) });
  await db.collection('users').updateOne({ _id: new ObjectId(reporters[0].id) }, { $set: { community: station.community } });
  const { DEFAULT_CATEGORIES: categories } = require(path.join(ROOT, 'shared', 'dist', 'index.js'));
  return { stations, station, reporters, officer, lead, categories };
}

/** Writes cases (and their timelines, ratings, notices, open days) in bulk, continuing where the last size ended. */
class Loader {
  constructor(db, world) {
    this.db = db;
    this.world = world;
    this.cases = 0;
    this.entries = 0;
    this.notices = 0;
    this.bookings = 0;
    this.openDays = 0;
    this.bookedByMeasured = 0;
    this.positions = new (dist('modules/cases/case-positions.js').PositionCounter)();
    this.noticeBoards = new Map();
    this.reporterCases = [];
    this.stationCases = [];
  }

  async growTo(size) {
    const { derivedFields } = dist('modules/cases/case-derived.js');
    const { headDoc } = dist('common/ordinal-list.js');
    const now = Date.now();
    const BATCH = 1000;
    // Received evenly over the last year, oldest first; positions follow.
    const times = Array.from({ length: size - this.cases }, () => now - Math.random() * 365 * DAY).sort((a, b) => a - b);
    for (let from = 0; from < times.length; from += BATCH) {
      const cases = [];
      const entries = [];
      for (const t of times.slice(from, from + BATCH)) {
        const doc = this.caseAt(t, now, size);
        Object.assign(doc, this.positions.take(doc));
        Object.assign(doc, derivedFields(doc));
        cases.push(doc);
        entries.push(...timelineOf(doc));
        if (doc.reporterId.equals(new ObjectId(this.world.reporters[0].id))) this.reporterCases.push(doc._id);
        if (doc.stationId.equals(this.world.station._id)) this.stationCases.push(doc._id);
      }
      await this.db.collection('cases').insertMany(cases, { ordered: false });
      if (entries.length) await this.db.collection('case_events').insertMany(entries, { ordered: false });
      const ratings = cases.filter((c) => c.rating !== null).map((c) => ({ caseId: c._id, reporterId: c.reporterId, score: c.rating, comment: null, at: c.closedAt ?? c.resolvedAt }));
      if (ratings.length) await this.db.collection('ratings').insertMany(ratings, { ordered: false });
      this.cases += cases.length;
      this.entries += entries.length;
    }
    for (const [list, n] of this.positions.heads()) await this.db.collection('list_slots').replaceOne({ _id: `${list}#head` }, headDoc(list, n), { upsert: true });
    await this.addNotices(Math.floor(size / 50) - this.notices, now);
    await this.addOpenDays(Math.max(5, Math.floor(size / 2000)) - this.openDays, now);
  }

  /** A case received at `t`: the newest 10% of the load are open, the rest mostly closed. */
  caseAt(t, now, size) {
    const { world } = this;
    const i = this.cases + Math.floor(Math.random() * 1e9);
    const station = world.stations[i % world.stations.length];
    const category = world.categories[i % world.categories.length];
    const reporter = world.reporters[Math.floor(Math.random() * REPORTERS)];
    const createdAt = new Date(t);
    const acceptBy = new Date(t + category.acceptHours * H);
    const resolveBy = new Date(t + category.resolveHours * H);
    const open = t > now - 0.1 * 365 * DAY;
    const roll = Math.random();
    const status = open ? ['submitted', 'accepted', 'in_progress'][Math.floor(roll * 3)] : roll < 0.02 ? 'duplicate' : roll < 0.05 ? 'rejected' : roll < 0.08 && t > now - 14 * DAY ? 'resolved' : 'closed';
    const acceptedAt = ['accepted', 'in_progress', 'resolved', 'closed'].includes(status) ? new Date(t + Math.random() * 3 * H) : null;
    const resolvedAt = ['resolved', 'closed'].includes(status) ? new Date(t + (4 + Math.random() * 40) * H) : null;
    const closedAt = status === 'closed' || status === 'rejected' || status === 'duplicate' ? new Date((resolvedAt ?? createdAt).getTime() + Math.random() * 3 * DAY) : null;
    const rating = status === 'closed' && Math.random() < 0.8 ? (Math.random() < 0.9 ? 4 + Math.round(Math.random()) : 3) : null;
    const jitter = () => (Math.random() - 0.5) * 0.01;
    return {
      _id: new ObjectId(),
      seq: 0,
      status,
      outcome: status === 'closed' || status === 'resolved' ? 'fixed' : status === 'rejected' ? 'no_action' : null,
      category: category.code,
      description: `${category.name}：压测用例，社区居民反映的问题描述`,
      publicDescription: Math.random() < 0.3,
      photos: [],
      lat: station.lat + jitter(),
      lng: station.lng + jitter(),
      address: `${station.community}${Math.floor(Math.random() * 30) + 1} 幢附近`,
      anonymous: Math.random() < 0.1,
      source: ['miniprogram', 'miniprogram', 'miniprogram', 'hotline', 'patrol', 'whistle'][Math.floor(Math.random() * 6)],
      reporterId: new ObjectId(reporter.id),
      stationId: station._id,
      community: station.community,
      zoneId: null,
      acceptBy,
      resolveBy,
      dueAt: status === 'submitted' ? acceptBy : resolveBy,
      acceptedAt,
      resolvedAt,
      closedAt,
      mergedInto: null,
      escalated: false,
      rating,
      lastReply: resolvedAt ? '已到现场处理完毕' : null,
      createdAt,
      updatedAt: closedAt ?? resolvedAt ?? acceptedAt ?? createdAt,
    };
  }

  async addNotices(count, now) {
    const { headDoc, bucketOf } = dist('common/ordinal-list.js');
    const rows = [];
    for (let i = 0; i < count; i++) {
      const community = Math.random() < 0.15 ? null : this.world.stations[i % this.world.stations.length].community;
      const board = `notices|${community ?? '*'}`;
      const boardK = (this.noticeBoards.get(board) ?? 0) + 1;
      this.noticeBoards.set(board, boardK);
      const createdAt = new Date(now - (count - i) * (365 * DAY / Math.max(count, 1)));
      rows.push({ title: `社区通知 ${this.notices + i + 1}`, body: '本周六上午社区开展环境整治活动，欢迎居民参加。', photos: [], community, authorId: new ObjectId(), pinned: Math.random() < 0.01, expiresAt: null, withdrawnAt: null, boardK, boardBucket: `${board}|${bucketOf(boardK)}`, createdAt, updatedAt: createdAt });
    }
    if (rows.length) await this.db.collection('notices').insertMany(rows, { ordered: false });
    for (const [board, n] of this.noticeBoards) await this.db.collection('list_slots').replaceOne({ _id: `${board}#head` }, headDoc(board, n), { upsert: true });
    this.notices += rows.length;
  }

  /**
   * Open days with two sessions of 10 bookings each. The measured resident
   * books 10 sessions of the first ones only: one person's bookings do not
   * grow with the city's history, everyone else's do.
   */
  async addOpenDays(count, now) {
    const measured = this.world.reporters[0].id;
    for (let i = 0; i < count; i++, this.openDays++) {
      const station = this.world.stations[i % this.world.stations.length];
      const eventId = new ObjectId();
      const start = now + (Math.random() * 60 - 30) * DAY;
      await this.db.collection('events').insertOne({ _id: eventId, stationId: station._id, community: station.community, title: '城管开放日', kind: 'open_day', description: '参观工作站', place: '工作站', photos: [], cancelledAt: null, createdBy: new ObjectId(), createdAt: new Date(), updatedAt: new Date() });
      for (let s = 0; s < 2; s++) {
        const sessionId = new ObjectId();
        const startAt = new Date(start + s * 3 * H);
        await this.db.collection('event_sessions').insertOne({ _id: sessionId, eventId, stationId: station._id, startAt, endAt: new Date(startAt.getTime() + 2 * H), bookingOpensAt: new Date(startAt.getTime() - 7 * DAY), bookingClosesAt: startAt, cancelCutoffAt: startAt, capacity: 20, cancelled: false, cancelledAt: null, createdAt: new Date() });
        const bookers = new Set(this.bookedByMeasured++ < 10 ? [measured] : []);
        while (bookers.size < 10) bookers.add(this.world.reporters[1 + Math.floor(Math.random() * (REPORTERS - 1))].id);
        const rows = [...bookers].map((userId) => ({ sessionId, eventId, stationId: station._id, userId: new ObjectId(userId), partySize: 1, code: Math.random().toString(36).slice(2, 10).toUpperCase(), status: 'confirmed', confirmedAt: new Date(), createdAt: new Date(startAt.getTime() - 3 * DAY) }));
        await this.db.collection('event_bookings').insertMany(rows, { ordered: false });
        this.bookings += rows.length;
      }
    }
  }
}

/** About 3.4 entries a case: the moves its status implies, a reply, a rating. */
function timelineOf(c) {
  const entries = [];
  const add = (kind, fields) => entries.push({ caseId: c._id, seq: entries.length + 1, kind, move: null, from: null, to: null, text: null, outcome: null, score: null, photos: [], public: kind !== 'note', actorId: null, actorRole: 'officer', patch: {}, at: c.createdAt, ...fields });
  if (c.acceptedAt) add('status', { move: 'accept', from: 'submitted', to: 'accepted', at: c.acceptedAt });
  if (c.status === 'rejected') add('status', { move: 'reject', from: 'submitted', to: 'rejected', text: '不属于城管职责', at: c.closedAt });
  if (c.status === 'duplicate') add('status', { move: 'merge', from: 'submitted', to: 'duplicate', at: c.closedAt });
  if (['in_progress', 'resolved', 'closed'].includes(c.status)) add('status', { move: 'start', from: 'accepted', to: 'in_progress', at: c.acceptedAt });
  if (c.resolvedAt) {
    add('reply', { text: '已到现场处理完毕', at: c.resolvedAt });
    add('status', { move: 'resolve', from: 'in_progress', to: 'resolved', outcome: 'fixed', at: c.resolvedAt });
  }
  if (c.rating !== null) add('rating', { score: c.rating, actorRole: 'resident', patch: { rating: c.rating }, at: c.closedAt });
  if (c.status === 'closed') add('status', { move: 'close', from: 'resolved', to: 'closed', actorRole: 'system', at: c.closedAt });
  c.seq = entries.length;
  return entries;
}

/** The counts (queue days, tallies) rebuilt by the server's own command, positions kept. */
async function rebuildCounts(stack) {
  await run(process.execPath, [path.join(ROOT, 'server', 'dist', 'tools', 'rebuild.js'), '--counts-only'], { env: stack.env, quiet: true });
}

function endpoints(world, loader, db) {
  const recent = (ids) => () => String(ids[ids.length - 1 - Math.floor(Math.random() * Math.min(ids.length, 200))]);
  const someCase = recent(loader.reporterCases);
  const stationCase = recent(loader.stationCases);
  const reporter = world.reporters[0];
  // The lists' names as the server writes them (case-derived.ts, notice.model.ts).
  const { CITY_LIST, mineList, stationList } = dist('modules/cases/case-derived.js');
  const { boardOf } = dist('modules/notices/notice.model.js');
  const station = stationList(world.station._id);
  const lists = [
    { name: 'officer queue', auth: world.officer.auth, url: () => '/api/staff/cases', shows: station },
    { name: 'my cases', auth: reporter.auth, url: () => '/api/cases', shows: mineList(new ObjectId(reporter.id)) },
    { name: 'figures, one station, 30 days', auth: world.lead.auth, url: () => `/api/figures?scope=station&id=${world.station._id}`, shows: station },
    { name: 'Open311 requests.json (page 1)', url: () => '/open311/v2/requests.json', shows: CITY_LIST },
    { name: 'notices of my community', auth: reporter.auth, url: () => '/api/notices', shows: boardOf(world.station.community) },
  ];
  // The same lists when what they show has just changed (as a write does: server/src/common/list-pages.ts), so nothing is reused.
  // The version must already be there (the plain rows above read it first): a bump that matches nothing means the
  // server now names or keeps its versions differently, and this row would measure reuse instead.
  const bump = async (list) => {
    const { matchedCount } = await db.collection('list_versions').updateOne({ _id: list }, { $set: { v: String(Math.random()) } });
    if (matchedCount !== 1) throw new Error(`P4: no list version "${list}" to bump (has list-pages.ts changed?)`);
  };
  const changed = lists.map((e) => ({ ...e, name: `${e.name} · after a change`, before: () => bump(e.shows) }));
  return [
    ...lists,
    { name: 'case page', auth: reporter.auth, url: () => `/api/cases/${someCase()}` },
    { name: 'staff case page', auth: world.lead.auth, url: () => `/api/staff/cases/${stationCase()}` },
    { name: 'my bookings', auth: reporter.auth, url: () => '/api/bookings' },
    ...changed,
    { name: 'nearest stations (control)', url: () => `/api/stations/nearest?lat=${world.station.lat}&lng=${world.station.lng}` },
  ];
}

/** 10 connections for SECONDS, each sending its next request when the last answer arrives. */
async function measure(baseUrl, endpoint) {
  const latencies = [];
  let errors = 0;
  const headers = endpoint.auth ? { authorization: endpoint.auth } : {};
  // One warm-up round so that first-use costs are not counted.
  for (let i = 0; i < CONNECTIONS; i++) await fetch(`${baseUrl}${endpoint.url()}`, { headers }).then((r) => r.arrayBuffer());
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        if (endpoint.before) await endpoint.before();
        const started = performance.now();
        const res = await fetch(`${baseUrl}${endpoint.url()}`, { headers });
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
        if (res.status >= 500) errors += 1;
        else if (res.status >= 400) throw new Error(`${endpoint.name}: ${res.status}`);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p95: at(0.95), count: latencies.length, errors };
}

function printGrowth(rows) {
  const sizes = [...new Set(rows.map((r) => r.size))];
  const names = [...new Set(rows.map((r) => r.name))];
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  console.log(`\nP4 — p95 by size (target: ≤ ${TARGET_P95_MS} ms at ${last}, ≤ 3× the figure at ${first}, no 5xx)`);
  console.log(`  ${'endpoint'.padEnd(34)}${sizes.map((s) => String(s).padStart(10)).join('')}   growth  verdict`);
  for (const name of names) {
    const bySize = sizes.map((s) => rows.find((r) => r.size === s && r.name === name));
    const growth = bySize[bySize.length - 1].p95 / bySize[0].p95;
    const errors = bySize.reduce((n, r) => n + r.errors, 0);
    const ok = bySize[bySize.length - 1].p95 <= TARGET_P95_MS && growth <= 3 && errors === 0;
    console.log(`  ${name.padEnd(34)}${bySize.map((r) => fmt(r.p95).padStart(10)).join('')}   ${growth.toFixed(2).padStart(5)}×  ${ok ? 'met' : 'NOT met'}`);
  }
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

module.exports = { benchP4 };

if (require.main === module) {
  benchP4().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
