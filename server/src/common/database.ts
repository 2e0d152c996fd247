import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MongooseDataSourceManager } from '@midwayjs/mongoose';
import type { Connection, Model, Schema } from 'mongoose';

const PING_LIMIT_MS = 2000;

/** The app's one MongoDB connection and the models registered on it. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Database {
  @Inject()
  dataSources!: MongooseDataSourceManager;

  get connection(): Connection {
    return this.dataSources.getDataSource('default') as Connection;
  }

  /** The model for `name`, compiled once per connection. */
  model<T>(name: string, schema: Schema<T>): Model<T> {
    const existing = this.connection.models[name] as Model<T> | undefined;
    return existing ?? this.connection.model<T>(name, schema);
  }

  /** Waits for the first connection; throws a readable error when the database is not there. */
  async waitUntilConnected(): Promise<void> {
    try {
      await this.connection.asPromise();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`cannot reach the database (${reason}); is MONGODB_URI right and the database running?`);
    }
  }

  /** True when the database answers a ping within 2 s; never hangs. */
  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_LIMIT_MS);
    });
    const ping = this.connection
      .getClient()
      .db('admin')
      .command({ ping: 1 })
      .then((reply) => reply.ok === 1)
      .catch(() => false);
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
