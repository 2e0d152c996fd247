import type { ILogger } from '@midwayjs/core';

export interface ScheduledJob {
  name: string;
  intervalMs: number;
  runOnce(): Promise<unknown>;
}

/**
 * Runs each background job on its own timer, one run of a job at a time;
 * a failure is logged and the next tick tries again. Jobs are declared by
 * the modules that own them (their manifests).
 */
export class JobTimers {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly logger: ILogger) {}

  start(jobs: readonly ScheduledJob[]): void {
    for (const job of jobs) {
      if (job.intervalMs <= 0) continue;
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await job.runOnce();
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
