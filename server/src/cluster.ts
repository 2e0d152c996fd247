import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { env, envInt } from './config/env';
import { assertProductionReady } from './config/production-mode';

/** A worker that dies sooner than this after its start counts as a crash loop. */
const QUICK_DEATH_MS = 10_000;
/** Replacements allowed in a row for quick deaths before the whole service stops. */
const MAX_QUICK_DEATHS = 5;
const STOP_LIMIT_MS = 10_000;

/**
 * What stops this environment from running `workers` API processes; empty when
 * it may. Every process must sign and check the same photo URLs, so several
 * workers need a shared PHOTO_URL_SECRET (empty means a random one per process).
 */
export function clusterProblems(workers: number, source: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) problems.push(`API_WORKERS must be a whole number from 1 to 64, got ${workers}`);
  if (workers > 1 && env('PHOTO_URL_SECRET', source).length < 32) {
    problems.push('several API processes need one PHOTO_URL_SECRET (≥ 32 characters): each would otherwise sign photo URLs with a secret of its own');
  }
  return problems;
}

/**
 * Entry point of `npm run serve` (tools/serve.js): API_WORKERS copies of the
 * API process (bootstrap.js) on one port through node:cluster, each stateless
 * (sessions, rate limits, claims and jobs live in the database and Redis). A
 * worker that dies is replaced; SIGTERM/SIGINT stop every worker, then this.
 */
function runPrimary(): void {
  const workers = envInt('API_WORKERS');
  const problems = [...clusterProblems(workers)];
  try {
    assertProductionReady();
  } catch (err) {
    problems.unshift((err as Error).message);
  }
  if (problems.length > 0) {
    console.error(`[citycare] ${problems.join('\n')}`);
    process.exit(1);
  }
  cluster.setupPrimary({ exec: path.join(__dirname, 'bootstrap.js') });
  let stopping = false;
  let exitCode = 0;
  let quickDeaths = 0;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('listening', (worker: Worker, address) => {
    console.log(`[citycare] API worker ${worker.id} (pid ${worker.process.pid}) listening on ${address.address ?? ''}:${address.port}`);
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    console.error(`[citycare] API worker ${worker.id} exited (${signal ?? `code ${code}`})`);
    if (quickDeaths >= MAX_QUICK_DEATHS) {
      console.error(`[citycare] ${quickDeaths} workers died within ${QUICK_DEATH_MS / 1000} s of starting: stopping`);
      stopAll('SIGTERM', 1);
      return;
    }
    fork();
  });
  const stopAll = (signal: NodeJS.Signals, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (alive.length === 0) process.exit(code);
    for (const worker of alive) worker.process.kill(signal);
    setTimeout(() => process.exit(code), STOP_LIMIT_MS).unref();
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  console.log(`[citycare] starting ${workers} API worker${workers === 1 ? '' : 's'}`);
  for (let i = 0; i < workers; i++) fork();
}

if (require.main === module && cluster.isPrimary) runPrimary();
