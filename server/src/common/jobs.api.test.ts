import type { ILogger } from '@midwayjs/core';
import { startTestApi, type TestApi } from '../../../tests/support/api-app';
import { Claims } from './claims';
import { JobTimers, jobClaimMs } from './jobs';
import { MODULES } from '../modules';

// Every API process runs every job (docs/deployment.md): the claim `job:<name>` lets one run at a time.

let api: TestApi;
let claims: Claims;
const logger = { warn: () => undefined } as unknown as ILogger;

beforeAll(async () => {
  api = await startTestApi(__filename);
  claims = await api.app.getApplicationContext().getAsync(Claims);
});

afterAll(() => api.close());

it('when three processes run the same job every 20 ms, then its runs never overlap, and each run releases its claim', async () => {
  let running = 0;
  let overlaps = 0;
  let runs = 0;
  const job = {
    name: 'overlap-probe',
    intervalMs: 20,
    runOnce: async () => {
      running += 1;
      if (running > 1) overlaps += 1;
      await new Promise((r) => setTimeout(r, 30));
      running -= 1;
      runs += 1;
    },
  };
  // Three "processes": each has its own timers; they share only the database.
  const timers = [0, 1, 2].map(() => new JobTimers(logger, (name, ttl, work) => claims.run(name, ttl, work)));
  timers.forEach((t) => t.start([job]));
  await new Promise((r) => setTimeout(r, 1_500));
  timers.forEach((t) => t.stop());
  await new Promise((r) => setTimeout(r, 200));
  expect(runs).toBeGreaterThan(3);
  expect(overlaps).toBe(0);
  expect(await api.db.collection('claims').countDocuments({ _id: 'job:overlap-probe' as never })).toBe(0);
});

it('when the process holding a job claim died, then another takes the job over once the claim lapses', async () => {
  await api.db.collection('claims').insertOne({ _id: 'job:takeover-probe' as never, owner: 'dead-process', until: new Date(Date.now() + 1_500) });
  let runs = 0;
  const timers = new JobTimers(logger, (name, ttl, work) => claims.run(name, ttl, work));
  timers.start([{ name: 'takeover-probe', intervalMs: 50, runOnce: async () => void (runs += 1) }]);
  await new Promise((r) => setTimeout(r, 500));
  const whileHeld = runs;
  await new Promise((r) => setTimeout(r, 2_000));
  timers.stop();
  expect(whileHeld).toBe(0);
  expect(runs).toBeGreaterThan(0);
});

it('a run holds its claim at least 30 s, or six intervals of a slow job', () => {
  expect(jobClaimMs(5_000)).toBe(30_000);
  expect(jobClaimMs(60_000)).toBe(360_000);
});

it('when a job claims its own items (everyProcess, the outbox), then a dead process holding its job claim delays nothing', async () => {
  await api.db.collection('claims').insertOne({ _id: 'job:every-process-probe' as never, owner: 'dead-process', until: new Date(Date.now() + 60_000) });
  let runs = 0;
  const timers = new JobTimers(logger, (name, ttl, work) => claims.run(name, ttl, work));
  timers.start([{ name: 'every-process-probe', intervalMs: 50, everyProcess: true, runOnce: async () => void (runs += 1) }]);
  await new Promise((r) => setTimeout(r, 500));
  timers.stop();
  expect(runs).toBeGreaterThan(2);
});

it("when each of the application's jobs runs as scheduled (holding job:<name>), then it never asks for that claim again — it would find it held and do nothing", async () => {
  const context = api.app.getApplicationContext();
  const asked = jest.spyOn(claims, 'run');
  const jobs = MODULES.flatMap((m) => m.jobs ?? []).filter((j) => !j.everyProcess);
  expect(jobs.map((j) => j.name)).toEqual(expect.arrayContaining(['retention', 'media-sweep', 'pending-bookings']));
  try {
    for (const definition of jobs) {
      const job = await context.getAsync(definition.job);
      asked.mockClear();
      const ran = await claims.run(`job:${definition.name}`, 30_000, () => job.runOnce());
      expect({ job: definition.name, ran: ran !== null, askedAgain: asked.mock.calls.slice(1).some(([name]) => name === `job:${definition.name}`) }).toEqual({ job: definition.name, ran: true, askedAgain: false });
    }
  } finally {
    asked.mockRestore();
  }
}, 60_000);
