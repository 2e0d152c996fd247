import { Inject, Provide, Scope, ScopeEnum, Logger, type ILogger } from '@midwayjs/core';
import { OutboxWorker } from '../notifications/outbox.worker';
import { AutoCloseJob } from './auto-close.job';

/** Runs the background jobs on a timer; one run at a time, errors logged, never thrown. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class JobScheduler {
  @Inject()
  outbox!: OutboxWorker;

  @Inject()
  autoClose!: AutoCloseJob;

  @Logger()
  logger!: ILogger;

  private timer: NodeJS.Timeout | null = null;
  private running = false;

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.outbox.runOnce();
      await this.autoClose.runOnce();
    } catch (err) {
      this.logger.warn(`background jobs failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
