import { App, ApplicationContext, Configuration, Inject, Logger, type IMidwayContainer, type ILifeCycle, type ILogger } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import * as mongoose from '@midwayjs/mongoose';
import * as busboy from '@midwayjs/busboy';
import { buildConfig } from './config/config.default';
import { env } from './config/env';
import { ErrorFilter } from './common/error.filter';
import { RequestContextMiddleware } from './common/request-context.middleware';
import { SecurityHeadersMiddleware } from './common/security-headers.middleware';
import { RateLimitMiddleware } from './common/rate-limit/rate-limit.middleware';
import { RateLimiter } from './common/rate-limit/rate-limiter';
import { devLoginEnabled } from './modules/auth/auth.service';
import { ApiNotFoundMiddleware } from './common/not-found.middleware';
import { StaticFilesMiddleware } from './common/static-files.middleware';
import { Database } from './common/database';
import { ensureIndexes } from './common/indexes';
import { CLAIM_MODEL, claimSchema } from './common/claims';
import { LIST_SLOT_MODEL, slotSchema } from './common/ordinal-list';
import { LIST_VERSION_MODEL, listVersionSchema } from './common/list-pages';
import { runMigrations } from './common/migrations';
import { JobTimers } from './common/jobs';
import { Claims } from './common/claims';
import { MODULES } from './modules';
import { UPLOAD_CONFIG } from './modules/media/media.upload';
import { PhotoAttachments } from './modules/media/photo-attachments.service';
import { AuthMiddleware } from './modules/auth/auth.middleware';
import { AccountService } from './modules/users/account.service';
import { Open311Middleware } from './modules/open311/open311.middleware';

/** Models of common/ that modules share: claims (one worker at a time) and list positions. */
const COMMON_MODELS = [
  [CLAIM_MODEL, claimSchema],
  [LIST_SLOT_MODEL, slotSchema],
  [LIST_VERSION_MODEL, listVersionSchema],
] as const;

@Configuration({
  imports: [koa, mongoose, busboy],
  importConfigs: [{ default: { ...buildConfig(), staticDir: env('STATIC_DIR'), busboy: UPLOAD_CONFIG } }],
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  app!: koa.Application;

  @ApplicationContext()
  container!: IMidwayContainer;

  @Inject()
  database!: Database;

  @Logger()
  logger!: ILogger;

  private jobs: JobTimers | null = null;

  async onReady() {
    this.app.useMiddleware([
      RequestContextMiddleware,
      SecurityHeadersMiddleware,
      StaticFilesMiddleware,
      ApiNotFoundMiddleware,
      Open311Middleware,
      AuthMiddleware,
      RateLimitMiddleware,
    ]);
    this.app.useFilter([ErrorFilter]);
    if (devLoginEnabled()) this.logger.warn('DEMO: the demo login (/api/auth/dev) is on; this process is not a service (NODE_ENV=production refuses it)');
    const limiter = await this.container.getAsync(RateLimiter);
    this.logger.info(`rate limits: counters in ${limiter.storeKind}`);
    await this.database.waitUntilConnected();
    await ensureIndexes(this.database, [...COMMON_MODELS, ...MODULES.flatMap((m) => m.models ?? [])]);
    const photos = await this.container.getAsync(PhotoAttachments);
    for (const owner of MODULES.flatMap((m) => m.photoOwners ?? [])) photos.registerOwner(await this.container.getAsync(owner));
    const account = await this.container.getAsync(AccountService);
    for (const holder of MODULES.flatMap((m) => m.personalData ?? [])) account.registerHolder(await this.container.getAsync(holder));
    await runMigrations(this.database, await Promise.all(MODULES.flatMap((m) => m.migrations ?? []).map((c) => this.container.getAsync(c))));
    const claims = await this.container.getAsync(Claims);
    this.jobs = new JobTimers(this.logger, (name, ttlMs, work) => claims.run(name, ttlMs, work));
    this.jobs.start(
      await Promise.all(
        MODULES.flatMap((m) => m.jobs ?? []).map(async (j) => {
          const job = await this.container.getAsync(j.job);
          return { name: j.name, intervalMs: j.intervalMs(), everyProcess: j.everyProcess === true, runOnce: () => job.runOnce() };
        }),
      ),
    );
  }

  async onStop() {
    this.jobs?.stop();
  }
}
