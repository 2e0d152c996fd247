// Backups of the embedded database (docs/deployment.md, "Backups and restore"): data the API
// wrote is backed up with tools/db/backup.js, the database is wiped, restored from the file,
// and every collection holds exactly the same documents (types included) and indexes again.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BSON } from 'mongodb';
import { startTestApi, type TestApi } from '../support/api-app';
import { buildCaseWorld, type CaseWorld } from '../support/cases';

const { backup, restore } = require('../../tools/db/backup') as {
  backup(o: { uri: string; dbName: string; file: string }): Promise<{ collections: number; documents: number }>;
  restore(o: { uri: string; dbName: string; file: string }): Promise<{ collections: number; documents: number }>;
};

const DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-backup-'));
let api: TestApi;
let w: CaseWorld;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
});

afterAll(async () => {
  await api.close();
  rmSync(DIR, { recursive: true, force: true });
});

/** Every collection: its documents as canonical Extended JSON, by _id, and its index keys. */
async function snapshot() {
  const names = (await api.db.db!.listCollections().toArray()).map((c) => c.name).sort();
  const out: Record<string, { docs: string[]; indexes: string[] }> = {};
  for (const name of names) {
    const docs = await api.db.collection(name).find({}, { sort: { _id: 1 } }).toArray();
    const indexes = (await api.db.collection(name).indexes()).map((i) => `${JSON.stringify(i.key)}${i.unique ? ' unique' : ''}`).sort();
    out[name] = { docs: docs.map((d) => BSON.EJSON.stringify(d, { relaxed: false })), indexes };
  }
  return out;
}

it('when the database is backed up, wiped and restored, then every document and index is back, equal', async () => {
  const photo = await w.photo(w.reporter);
  await w.report(w.reporter, { photos: [photo] });
  await w.resolved();
  const before = await snapshot();
  expect(before.cases.docs.length).toBeGreaterThanOrEqual(2);
  expect(before.media.docs).toHaveLength(1);

  const file = path.join(DIR, 'citycare.jsonl.gz');
  const uri = process.env.MONGODB_URI!;
  const dbName = api.db.name;
  const saved = await backup({ uri, dbName, file });
  expect(saved.documents).toBe(Object.values(before).reduce((n, c) => n + c.docs.length, 0));
  expect(statSync(file).size).toBeGreaterThan(0);

  await api.db.dropDatabase();
  expect((await api.db.db!.listCollections().toArray()).length).toBe(0);

  const loaded = await restore({ uri, dbName, file });
  expect(loaded).toEqual(saved);
  expect(await snapshot()).toEqual(before);

  // The API goes on working on the restored data.
  const res = await api.http().get('/api/cases').set('Authorization', w.reporter.auth).expect(200);
  expect(res.body.items.length).toBe(before.cases.docs.filter((d) => d.includes(w.reporter.id)).length);
});

it('when the target database already holds data, then restore refuses and changes nothing', async () => {
  const file = path.join(DIR, 'again.jsonl.gz');
  await backup({ uri: process.env.MONGODB_URI!, dbName: api.db.name, file });
  const before = await api.db.collection('cases').countDocuments();
  await expect(restore({ uri: process.env.MONGODB_URI!, dbName: api.db.name, file })).rejects.toThrow('not empty');
  expect(await api.db.collection('cases').countDocuments()).toBe(before);
});
