import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Types } from 'mongoose';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { seedDemoData } from '../../seed/seed-demo';

// The same limits with the counters in Redis (REDIS_URL), as several API
// processes run them. This machine runs Redis on 6379 (REDIS_TEST_URL elsewhere).
const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `citycare-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

let api: TestApi;
let redis: Redis;

beforeAll(async () => {
  api = await startTestApi(__filename, { RATE_LIMIT_FACTOR: '1', REDIS_URL, REDIS_KEY_PREFIX: PREFIX });
  await seedDemoData(api.db);
  redis = new Redis(REDIS_URL);
}, 60_000);

afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await api.close();
});

it('when one resident sends 100 case reports at once, then 5 cases, 95 × 429 with Retry-After, counted in Redis', async () => {
  const resident = await loginAs(api.db, 'resident');
  const body = { category: 'clutter', description: '楼道堆放纸箱', lat: 32.5372, lng: 120.4597, address: '嘉麟社区 5 幢' };
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) => api.http().post('/api/cases').set('Authorization', resident.auth).set('Idempotency-Key', `redis-burst-${i}-00`).send(body)),
  );
  expect(results.filter((r) => r.status === 201)).toHaveLength(5);
  const limited = results.filter((r) => r.status === 429);
  expect(limited).toHaveLength(95);
  expect(limited.every((r) => r.body.error.code === 'RATE_LIMITED' && Number(r.headers['retry-after']) >= 1)).toBe(true);
  expect(await api.db.collection('cases').countDocuments({ reporterId: new Types.ObjectId(resident.id) })).toBe(5);

  const keys = await redis.keys(`${PREFIX}rl:caseCreate:*`);
  expect(keys.length).toBeGreaterThanOrEqual(3); // user per minute, user per hour, ip
  const counts = await Promise.all(keys.map((k) => redis.get(k)));
  expect(counts.map(Number)).toContain(100);
  expect(keys.join(' ')).not.toContain(resident.id);
});
