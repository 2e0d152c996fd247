// `npm run bench -- lookups`: lookup times on the embedded database at 10,000
// and 100,000 case-like documents, with the index keeper's GIN indexes and
// then without them (dropped through SQL), for ADR 0007. Prints figures; not
// a test. LOOKUP_SIZES=10000,100000 and LOOKUP_RUNS=30 change the work.
// With MONGODB_URI set it measures that server instead (no "without" pass),
// e.g. an older embedded database for a before/after comparison.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { MongoClient, ObjectId } = require('mongodb');
const { startEmbeddedDb } = require('../../tools/db/embedded');

const SIZES = (process.env.LOOKUP_SIZES || '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.LOOKUP_RUNS || 30);
const STATIONS = Array.from({ length: 12 }, () => new ObjectId());
const STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed'];

async function benchLookups() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-lookups-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDb({ dataDir, postgresUrl: process.env.CITYCARE_PG_URL });
  const client = new MongoClient(process.env.MONGODB_URI ?? db.uri);
  await client.connect();
  const pg = db ? await pgClient(db.postgresUrl) : null;
  try {
    for (const size of SIZES) {
      const name = `lookups_${size}_${process.pid}`;
      const cases = client.db(name).collection('cases');
      const started = Date.now();
      const sample = await load(cases, size);
      console.log(`\n${size} documents (loaded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await report(pg ? 'with the GIN indexes' : 'at MONGODB_URI', cases, sample);
      if (pg) {
        await dropGinIndexes(pg, name);
        await report('without them', cases, sample);
      }
      await client.db(name).dropDatabase();
    }
  } finally {
    await client.close();
    await pg?.end();
    await db?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Case-like documents with the case model's two busiest indexes; returns what to look up. */
async function load(cases, size) {
  await cases.createIndex({ reporterId: 1, createdAt: -1, _id: -1 });
  await cases.createIndex({ stationId: 1, status: 1, dueAt: 1, _id: 1 });
  const reporters = Array.from({ length: Math.ceil(size / 10) }, () => new ObjectId()); // 10 cases each
  const ids = [];
  for (let i = 0; i < size; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, size - i) }, (_, j) => {
      const n = i + j;
      const _id = new ObjectId();
      if (n % Math.floor(size / RUNS) === 0) ids.push(_id);
      return {
        _id,
        reporterId: reporters[n % reporters.length],
        stationId: STATIONS[n % STATIONS.length],
        status: STATUSES[n % STATUSES.length],
        createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
        dueAt: new Date(Date.UTC(2026, 0, 3) + n * 60_000),
        description: '路灯不亮，晚上很黑，请尽快修理。'.repeat(4),
      };
    });
    await cases.insertMany(batch, { ordered: false });
  }
  return { ids, reporters: reporters.slice(0, RUNS) };
}

async function report(label, cases, { ids, reporters }) {
  const byId = await times(ids, (id) => cases.findOne({ _id: id }));
  const byReporter = await times(reporters, (reporterId) => cases.find({ reporterId }).toArray());
  const queue = await times(STATIONS.slice(0, 6), (stationId) =>
    cases.find({ stationId, status: 'accepted' }).sort({ dueAt: 1 }).limit(20).toArray(),
  );
  console.log(
    `  ${label.padEnd(22)} findById ${fmt(byId)}   reporter's 10 cases ${fmt(byReporter)}   ` +
      `station queue page (station + status, first 20 by due date) ${fmt(queue)}`,
  );
}

async function times(inputs, run) {
  await run(inputs[0]); // warm the connection and the statement cache
  const ms = [];
  for (const input of inputs) {
    const t = process.hrtime.bigint();
    await run(input);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ms.sort((a, b) => a - b);
}

function fmt(ms) {
  const median = ms[Math.floor(ms.length / 2)];
  const p90 = ms[Math.floor(ms.length * 0.9)];
  return `median ${median.toFixed(1)} ms (p90 ${p90.toFixed(1)})`;
}

async function pgClient(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

async function dropGinIndexes(pg, schema) {
  const { rows } = await pg.query(
    `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%'`,
    [schema],
  );
  for (const { indexname } of rows) {
    await pg.query(`DROP INDEX ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(indexname)}`);
  }
}

module.exports = { benchLookups };

if (require.main === module) {
  benchLookups().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
