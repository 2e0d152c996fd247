import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { Database } from '../../common/database';
import { OUTBOX_MODEL, outboxSchema, type OutboxDoc } from './outbox.model';
import { everyErrorIsDuplicateKey } from '../../common/mongo-errors';


/** Which subscribe-message template a notification uses (each is an env setting). */
export const NOTIFICATION_TEMPLATES = {
  case_status: 'WECHAT_TEMPLATE_CASE_STATUS',
  case_staff: 'WECHAT_TEMPLATE_CASE_STAFF',
  booking: 'WECHAT_TEMPLATE_BOOKING',
} as const;
export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

export interface Notification {
  template: NotificationTemplate;
  /** Unique per thing notified about ("case:<id>:<seq>", "session:<id>:cancelled"). */
  dedupeKey: string;
  page: string;
  /** Subscribe-message fields (WeChat limits: thing ≤ 20 chars, phrase ≤ 5…). */
  data: Record<string, { value: string }>;
}

/**
 * Queues subscribe messages in the outbox; the worker sends them. Queuing is
 * a plain insert, so it never waits on WeChat and never blocks a request.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NotificationService {
  @Inject()
  database!: Database;

  async enqueue(userIds: Types.ObjectId[], notification: Notification): Promise<void> {
    if (userIds.length === 0) return;
    const now = new Date();
    const rows = userIds.map((userId) => ({
      ...notification,
      userId,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    }));
    await this.database
      .model<OutboxDoc>(OUTBOX_MODEL, outboxSchema)
      .insertMany(rows, { ordered: false })
      .catch((err) => {
        if (!everyErrorIsDuplicateKey(err)) throw err; // already queued
      });
  }
}
