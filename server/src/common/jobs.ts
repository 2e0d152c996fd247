import type { ILogger } from '@midwayjs/core';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  runOnce(): Promise<unknown>;
  /** Safe in every process at once (it claims its own items): runs without the job's claim. */
  everyProcess?: boolean;
}

/** Runs `work` holding the exclusive claim `name` across processes (common/claims.ts); null when another holds it. */
export type ClaimRunner = <T>(name: string, ttlMs: number, work: () => Promise<T>) => Promise<T | null>;

/** The least a run's claim lasts: a process that dies mid-run blocks the others at most this long (or 6 intervals). */
const MIN_JOB_CLAIM_MS = 30_000;

/** How long one run of a job every `intervalMs` holds its claim. */
export function jobClaimMs(intervalMs: number): number {
  return Math.max(MIN_JOB_CLAIM_MS, 6 * intervalMs);
}

/**
 * Runs each background job on its own timer, one run of a job at a time;
 * a failure is logged and the next tick tries again. Jobs are declared by
 * the modules that own them (their manifests).
 *
 * Every API process runs every job: each tick first takes the claim
 * `job:<name>` (a unique insert with an expiry), so one process runs a job at
 * a time and another takes over when it stops or dies — except jobs marked
 * `everyProcess` (the outbox), which claim each item and so run everywhere
 * at once, never waiting for a dead process's claim to lapse. The jobs are also safe
 * on their own when two runs overlap (a claim that lapsed mid-run): each
 * claims the items it acts on (the outbox's attempt claims, the aggregates'
 * claims, a case move's version check).
 */
export class JobTimers {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly logger: ILogger,
    private readonly claim: ClaimRunner,
  ) {}

  start(jobs: readonly ScheduledJob[]): void {
    for (const job of jobs) {
      if (job.intervalMs <= 0) continue;
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          if (job.everyProcess) await job.runOnce();
          else await this.claim(`job:${job.name}`, jobClaimMs(job.intervalMs), () => job.runOnce());
        } catch (err) {
          this.logger.warn(`background job ${job.name} failed: ${(err as Error).message}`);
        } finally {
          running = false;
        }
      };
      const timer = setInterval(() => void tick(), job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }
}
