// The embedded database's index keeper (tools/embedded-db/indexkeeper.sql):
// for every key field of every index FerretDB records, and for _id, a GIN
// index that FerretDB's own SQL uses. Runs its own embedded database with
// auto_explain, so that the plans checked are those of the statements FerretDB
// actually ran, with the plan-cache mode FerretDB's connections actually have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema, Types, type Connection, type Model } from 'mongoose';
import { Client } from 'pg';

interface EmbeddedDb {
  uri: string;
  postgresUrl: string;
  stop(): Promise<void>;
}
const { startEmbeddedDb } = require('../../tools/db/embedded') as {
  startEmbeddedDb(options: { dataDir: string; postgresOptions?: Record<string, string | number> }): Promise<EmbeddedDb>;
};

const DB = 'keeper_test';
const OTHER_DB = 'keeper_test_later';
const AUTO_EXPLAIN = {
  shared_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': 0,
  'auto_explain.log_settings': 'on', // lists the planner settings each statement ran with
  logging_collector: 'on',
  log_filename: 'pg.log', // in <data>/pg/log
  // With a few hundred rows a scan is cheaper than any index, and rightly
  // chosen; what is tested here is that the index can serve FerretDB's SQL.
  enable_seqscan: 'off',
};

interface Doc {
  caseId: Types.ObjectId;
  seq: number;
  status: string;
  open: boolean;
  at: Date;
  place: { city: string };
}
const schema = new Schema<Doc>({
  caseId: { type: Schema.Types.ObjectId, required: true },
  seq: { type: Number, required: true },
  status: String,
  open: Boolean,
  at: Date,
  place: { city: String },
});
schema.index({ caseId: 1, seq: 1 }, { unique: true }); // compound: one GIN per field
schema.index({ status: 1, open: 1 });
schema.index({ at: -1 });
// Dotted: embedded FerretDB never sends such a filter to PostgreSQL (it
// filters in Go), so an index would only cost writes.
schema.index({ 'place.city': 1 });

const FIELDS = ['_id', 'caseId', 'seq', 'status', 'open', 'at'];
const AT = new Date('2026-03-01T08:00:00.000Z');

let dataDir: string;
let db: EmbeddedDb;
let conn: Connection;
let Things: Model<Doc>;
let pg: Client;
let sampleId: Types.ObjectId;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-keeper-'));
  db = await startEmbeddedDb({ dataDir, postgresOptions: AUTO_EXPLAIN });
  conn = await mongoose.createConnection(db.uri, { dbName: DB }).asPromise();
  Things = conn.model('Thing', schema, 'things');
  await Things.createIndexes();
  const caseIds = Array.from({ length: 20 }, () => new Types.ObjectId());
  await Things.insertMany(
    Array.from({ length: 400 }, (_, i) => ({
      caseId: caseIds[i % 20],
      seq: i,
      status: ['new', 'open', 'done'][i % 3],
      open: i % 2 === 0,
      at: new Date(AT.getTime() + (i % 10) * 60_000),
      place: { city: i % 4 === 0 ? '海安' : '南通' },
    })),
  );
  sampleId = (await Things.findOne({ seq: 7 }).lean())!._id;
  pg = new Client({ connectionString: db.postgresUrl });
  await pg.connect();
}, 120_000);

afterAll(async () => {
  await pg?.end();
  await conn?.close();
  await db?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The keeper's indexes on a collection's table: field expression → definition. */
async function ginIndexes(schemaName: string, collection: string): Promise<Map<string, string>> {
  const { rows } = await pg.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef
       FROM pg_indexes i
      WHERE i.schemaname = $1
        AND i.tablename = (SELECT m._jsonb->>'table' FROM ${pg.escapeIdentifier(schemaName)}._ferretdb_database_metadata m
                            WHERE m._jsonb->>'_id' = $2)
        AND i.indexdef LIKE '%USING gin%'`,
    [schemaName, collection],
  );
  return new Map(rows.map((r) => [r.indexname, r.indexdef]));
}

function fieldOf(indexdef: string): string {
  const field = /\(_jsonb -> '([^']+)'::text\)/.exec(indexdef)?.[1];
  if (!field) throw new Error(`not a keeper index: ${indexdef}`);
  return field;
}

/** The plans auto_explain logged for FerretDB's SELECTs with a pushed-down filter. */
function loggedPlans(): Array<{ query: string; plan: string }> {
  const log = fs.readFileSync(path.join(dataDir, 'pg', 'log', 'pg.log'), 'utf8');
  return log
    .split(/\n(?=\S)/) // one entry per line that does not start with whitespace
    .filter((entry) => entry.includes('Query Text: SELECT') && entry.includes('@>'))
    .map((entry) => {
      const [, query, plan] = /Query Text: (.*)\n([\s\S]*)/.exec(entry)!;
      return { query, plan };
    });
}

/** The plans logged for what `run` did whose text matches `shows`, once `atLeast` of them are there. */
async function plansOf(
  run: () => Promise<unknown>,
  shows: RegExp,
  atLeast = 1,
): Promise<Array<{ query: string; plan: string }>> {
  const before = loggedPlans().length;
  await run();
  // The logging collector writes asynchronously.
  for (let i = 0; i < 50; i++) {
    const plans = loggedPlans()
      .slice(before)
      .filter((p) => shows.test(p.plan));
    if (plans.length >= atLeast) return plans;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fewer than ${atLeast} plans logged that show ${shows}`);
}

test('a GIN index (jsonb_path_ops) for every key field of every index, and _id', async () => {
  const indexes = await ginIndexes(DB, 'things');
  const fields = [...indexes.values()].map(fieldOf).sort();
  expect(fields).toEqual([...FIELDS].sort());
  for (const def of indexes.values()) {
    expect(def).toMatch(/USING gin \(\(\(_jsonb -> '[^']+'::text\)\) jsonb_path_ops\) WITH \(fastupdate=off\)$/);
  }
});

describe("FerretDB's own SQL uses them", () => {
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    ['an ObjectId (_id, stored as its hex string)', () => Things.findById(sampleId), /'"[0-9a-f]{24}"'::jsonb/],
    ['a string', () => Things.find({ status: 'open' }), /'"open"'::jsonb/],
    ['a bool', () => Things.find({ open: true }), /'true'::jsonb/],
    ['a number', () => Things.find({ seq: 42 }), /'42'::jsonb/],
    ['a Date (stored as milliseconds)', () => Things.find({ at: AT }), new RegExp(`'${AT.getTime()}'::jsonb`)],
    ['a string in Chinese', () => Things.find({ status: '海安' }), /'"海安"'::jsonb/],
  ];
  test.each(cases)('equality on %s', async (_what, run, value) => {
    const plans = await plansOf(run, value);
    const last = plans[plans.length - 1];
    expect(last.query).toMatch(/WHERE _jsonb->\$1 @> \$2/); // FerretDB's shape, as in its query.go
    expect(last.plan).toMatch(/Bitmap Index Scan on \S+_gin/);
    expect(last.plan).toMatch(value);
    expect(last.plan).not.toMatch(/Seq Scan/);
  });

  test('a compound equality uses one GIN per field', async () => {
    const caseId = (await Things.findOne({ seq: 3 }).lean())!.caseId;
    const plans = await plansOf(() => Things.find({ caseId, seq: 3 }), /'"[0-9a-f]{24}"'::jsonb/);
    const last = plans[plans.length - 1].plan;
    expect(last.match(/Bitmap Index Scan on \S+_gin/g)?.length).toBeGreaterThanOrEqual(1);
    expect(last).not.toMatch(/Seq Scan/);
  });

  test("FerretDB's connections plan with constants (plan_cache_mode = force_custom_plan)", async () => {
    // From its sixth run PostgreSQL may switch a prepared statement to a
    // generic plan, where the field name is $1 and no expression index can
    // match. The setting rules that out; auto_explain shows it was in force.
    const byId = await plansOf(
      async () => {
        for (let i = 0; i < 8; i++) await Things.findById(sampleId).lean();
      },
      /\(_jsonb -> '_id'::text\)/,
      8,
    );
    for (const { plan } of byId) {
      expect(plan).toMatch(/Settings: .*plan_cache_mode = 'force_custom_plan'/);
      expect(plan).toMatch(/Bitmap Index Scan on \S+_gin/);
    }
  });
});

test('idempotent: creating the indexes again and sweeping again change nothing', async () => {
  const before = await ginIndexes(DB, 'things');
  await Things.createIndexes();
  await pg.query('SELECT citycare_index_keeper.sweep()');
  await pg.query('SELECT citycare_index_keeper.sweep()');
  expect(await ginIndexes(DB, 'things')).toEqual(before);
});

test('a dropped index loses its GIN; a field still indexed elsewhere keeps it', async () => {
  await Things.collection.dropIndex('at_-1');
  const fields = [...(await ginIndexes(DB, 'things')).values()].map(fieldOf);
  expect(fields).not.toContain('at');
  expect(fields).toContain('status');
  await Things.collection.dropIndex('status_1_open_1');
  await Things.collection.createIndex({ status: 1 });
  const after = [...(await ginIndexes(DB, 'things')).values()].map(fieldOf);
  expect(after).toContain('status');
  expect(after).not.toContain('open');
});

test('a database and collection created later get theirs at once (event trigger)', async () => {
  const later = conn.useDb(OTHER_DB);
  await later.collection('items').createIndex({ code: 1 }, { unique: true });
  const fields = [...(await ginIndexes(OTHER_DB, 'items')).values()].map(fieldOf).sort();
  expect(fields).toEqual(['_id', 'code']);
  await later.dropDatabase();
});

test('a restart keeps the data and repairs a missing GIN index (start-up sweep)', async () => {
  const before = await ginIndexes(DB, 'things');
  const [someGin] = before.keys();
  await pg.query(`DROP INDEX ${pg.escapeIdentifier(DB)}.${pg.escapeIdentifier(someGin)}`);
  await pg.end();
  await conn.close();
  await db.stop();

  db = await startEmbeddedDb({ dataDir, postgresOptions: AUTO_EXPLAIN });
  pg = new Client({ connectionString: db.postgresUrl });
  await pg.connect();
  conn = await mongoose.createConnection(db.uri, { dbName: DB }).asPromise();
  expect(await ginIndexes(DB, 'things')).toEqual(before);
  expect(await conn.collection('things').countDocuments()).toBe(400);
}, 60_000);
