// `npm run db:backup -- <file>` / `npm run db:restore -- <file>`: a logical
// backup of the API's database (MONGODB_URI + MONGODB_DB, default the
// embedded database of `npm start` must be running, or any MongoDB): every
// collection's documents as Extended JSON lines (ObjectIds, dates and
// binaries keep their types) with its index definitions, gzip-compressed.
// Restore writes into an EMPTY database (it refuses one that has data) and
// recreates the indexes. Not a point-in-time snapshot across collections
// while the API writes: stop the API for one, or use PostgreSQL's own backups
// under the embedded database (docs/deployment.md, "Backups and restore").
const fs = require('node:fs');
const readline = require('node:readline');
const zlib = require('node:zlib');
const { once } = require('node:events');

const BATCH = 500;

async function connect(uri, dbName) {
  const { MongoClient } = require('mongodb');
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  return { client, db: client.db(dbName) };
}

/** Writes every collection of `dbName` to `file`; returns { collections, documents }. */
async function backup({ uri, dbName, file }) {
  const { EJSON } = require('mongodb').BSON;
  const { client, db } = await connect(uri, dbName);
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.tmp`);
  gzip.pipe(out);
  const write = async (line) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let documents = 0;
  try {
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
    await write(JSON.stringify({ kind: 'citycare-backup', version: 1, db: dbName, at: new Date().toISOString() }));
    for (const name of collections) {
      const indexes = (await db.collection(name).indexes()).filter((i) => i.name !== '_id_').map(({ v, ns, ...rest }) => rest);
      await write(JSON.stringify({ collection: name, indexes }));
      for await (const doc of db.collection(name).find({}, { sort: { _id: 1 } })) {
        await write(EJSON.stringify(doc, { relaxed: false }));
        documents += 1;
      }
    }
    gzip.end();
    await once(out, 'close');
    fs.renameSync(`${file}.tmp`, file);
    return { collections: collections.length, documents };
  } finally {
    await client.close();
  }
}

/** Loads `file` into `dbName`, which must hold no documents; returns { collections, documents }. */
async function restore({ uri, dbName, file }) {
  const { EJSON } = require('mongodb').BSON;
  const { client, db } = await connect(uri, dbName);
  try {
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if ((await db.collection(name).estimatedDocumentCount()) > 0) {
        throw new Error(`database ${dbName} is not empty (${name} has documents): restore only into an empty database`);
      }
    }
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let header = null;
    let current = null;
    let batch = [];
    let collections = 0;
    let documents = 0;
    const flush = async () => {
      if (batch.length) await db.collection(current).insertMany(batch, { ordered: true });
      documents += batch.length;
      batch = [];
    };
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line);
        if (header.kind !== 'citycare-backup' || header.version !== 1) throw new Error(`${file} is not a CityCare backup`);
        continue;
      }
      if (line.startsWith('{"collection":')) {
        await flush();
        const { collection, indexes } = JSON.parse(line);
        current = collection;
        collections += 1;
        await db.createCollection(collection).catch((err) => {
          if (err.codeName !== 'NamespaceExists') throw err;
        });
        if (indexes.length) await db.collection(collection).createIndexes(indexes);
        continue;
      }
      batch.push(EJSON.parse(line, { relaxed: false }));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    return { collections, documents };
  } finally {
    await client.close();
  }
}

module.exports = { backup, restore };

if (require.main === module) {
  const [command, file] = process.argv.slice(2);
  const uri = process.env.MONGODB_URI;
  const dbName = process.env.MONGODB_DB || 'citycare';
  if (!['backup', 'restore'].includes(command) || !file || !uri) {
    console.error('usage: MONGODB_URI=… [MONGODB_DB=citycare] node tools/db/backup.js backup|restore <file.jsonl.gz>');
    process.exit(2);
  }
  (command === 'backup' ? backup : restore)({ uri, dbName, file })
    .then((r) => console.log(`[citycare] ${command}: ${r.collections} collections, ${r.documents} documents (${dbName} ${command === 'backup' ? '→' : '←'} ${file})`))
    .catch((err) => {
      console.error(`[citycare] ${command} failed: ${err.message}`);
      process.exit(1);
    });
}
