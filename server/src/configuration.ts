import { App, Configuration, Inject, type ILifeCycle } from '@midwayjs/core';
import * as koa from '@midwayjs/koa';
import * as mongoose from '@midwayjs/mongoose';
import { buildConfig } from './config/config.default';
import { env } from './config/env';
import { ErrorFilter } from './common/error.filter';
import { RequestContextMiddleware } from './common/request-context.middleware';
import { ApiNotFoundMiddleware } from './common/not-found.middleware';
import { StaticFilesMiddleware } from './common/static-files.middleware';
import { Database } from './common/database';
import { ensureIndexes } from './common/indexes';
import { AuthMiddleware } from './modules/auth/auth.middleware';

@Configuration({
  imports: [koa, mongoose],
  importConfigs: [{ default: { ...buildConfig(), staticDir: env('STATIC_DIR') } }],
})
export class MainConfiguration implements ILifeCycle {
  @App('koa')
  app!: koa.Application;

  @Inject()
  database!: Database;

  async onReady() {
    this.app.useMiddleware([RequestContextMiddleware, StaticFilesMiddleware, ApiNotFoundMiddleware, AuthMiddleware]);
    this.app.useFilter([ErrorFilter]);
    await this.database.waitUntilConnected();
    await ensureIndexes(this.database);
  }
}
