import { App, Configuration, Inject, type ILifeCycle } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import * as mongoose from '@midwayjs/mongoose';
import * as busboy from '@midwayjs/busboy';
import { buildConfig } from './config/config.default';
import { env, envInt } from './config/env';
import { ErrorFilter } from './common/error.filter';
import { RequestContextMiddleware } from './common/request-context.middleware';
import { ApiNotFoundMiddleware } from './common/not-found.middleware';
import { StaticFilesMiddleware } from './common/static-files.middleware';
import { Database } from './common/database';
import { ensureIndexes } from './common/indexes';
import { UPLOAD_CONFIG } from './modules/media/media.upload';
import { AuthMiddleware } from './modules/auth/auth.middleware';
import { Open311Middleware } from './modules/open311/open311.middleware';
import { JobScheduler } from './modules/cases/job.scheduler';

@Configuration({
  imports: [koa, mongoose, busboy],
  importConfigs: [{ default: { ...buildConfig(), staticDir: env('STATIC_DIR'), busboy: UPLOAD_CONFIG } }],
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  app!: koa.Application;

  @Inject()
  database!: Database;

  @Inject()
  jobs!: JobScheduler;

  async onReady() {
    this.app.useMiddleware([RequestContextMiddleware, StaticFilesMiddleware, ApiNotFoundMiddleware, Open311Middleware, AuthMiddleware]);
    this.app.useFilter([ErrorFilter]);
    await this.database.waitUntilConnected();
    await ensureIndexes(this.database);
    this.jobs.start(envInt('JOBS_INTERVAL_MS'));
  }

  async onStop() {
    this.jobs.stop();
  }
}
