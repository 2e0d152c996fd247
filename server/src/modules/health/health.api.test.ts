import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startEmbeddedDb } = require('../../../../tools/db/embedded');

// This file runs its own database so it can stop and restart it.
let db: { uri: string; stop: () => Promise<void> };
let dataDir: string;
let api: TestApi;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citycare-health-'));
  db = await startEmbeddedDb({ dataDir });
  api = await startTestApi(__filename, { MONGODB_URI: db.uri });
}, 60_000);

afterAll(async () => {
  await api.close().catch(() => undefined);
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('when the database stops, then health and data routes answer 503 within 2.5 s, and recover when it is back', async () => {
  await api.http().get('/api/health').expect(200);
  await db.stop();

  let started = Date.now();
  const health = await api.http().get('/api/health');
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ status: 'degraded', database: 'down' });
  expect(Date.now() - started).toBeLessThan(2500);

  started = Date.now();
  const nearest = await api.http().get('/api/stations/nearest').query({ lat: 32.5, lng: 120.4 });
  expect(nearest.status).toBe(503);
  expect(nearest.body.error.code).toBe('DATABASE_UNAVAILABLE');
  expect(JSON.stringify(nearest.body)).not.toMatch(/Mongo|stack|\.ts:/);
  expect(Date.now() - started).toBeLessThan(2500);

  // Same port, same data: the driver reconnects by itself.
  const port = Number(new URL(db.uri).port);
  db = await startEmbeddedDb({ dataDir, port });
  const deadline = Date.now() + 10_000;
  let status = 0;
  while (Date.now() < deadline && status !== 200) {
    status = (await api.http().get('/api/health')).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(200);
}, 60_000);

it('when the OpenAPI document is asked for, then it lists the stations routes and the error schema', async () => {
  const res = await api.http().get('/api/openapi.json').expect(200);
  expect(res.body.openapi).toBe('3.1.0');
  const nearest = res.body.paths['/api/stations/nearest'].get;
  expect(nearest.parameters.map((p: { name: string }) => p.name)).toEqual(['lat', 'lng', 'limit']);
  expect(nearest.responses['400'].description).toContain('INVALID_COORDINATES');
  expect(res.body.paths['/api/stations/{id}'].get.responses['404']).toBeDefined();
  expect(res.body.components.schemas.Error).toBeDefined();
});
