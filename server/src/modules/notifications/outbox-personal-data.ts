import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { Database } from '../../common/database';
import type { PersonalDataHolder } from '../users/personal-data';
import { OUTBOX_MODEL, outboxSchema, type OutboxDoc } from './outbox.model';

/** Messages queued for the person: not part of the export (they were sent to them), deleted with the account. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OutboxPersonalData implements PersonalDataHolder {
  @Inject()
  database!: Database;

  async export(): Promise<Record<string, unknown>> {
    return {};
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    await this.database.model<OutboxDoc>(OUTBOX_MODEL, outboxSchema).deleteMany({ userId });
  }
}
