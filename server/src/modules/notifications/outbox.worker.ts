import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Database } from '../../common/database';
import { env, envInt } from '../../config/env';
import { UserService } from '../users/user.service';
import { WechatClient } from '../wechat/wechat.client';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './notification.service';
import { OUTBOX_CLAIM_MODEL, OUTBOX_MODEL, outboxClaimSchema, outboxSchema, type OutboxDoc } from './outbox.model';
import { isDuplicateKey } from '../../common/mongo-errors';

export const OUTBOX_MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 30_000;
const BATCH = 20;
/** WeChat errcodes that no retry can fix (user refused, template unknown…). */
const PERMANENT_ERRCODES = new Set([43101, 40003, 40037, 47003]);

export interface OutboxRunReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends pending notifications as WeChat subscribe messages. Each attempt is
 * claimed by a unique insert, so two live workers never send the same attempt;
 * failures back off exponentially and end as `failed` with the error kept.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OutboxWorker {
  @Inject()
  database!: Database;

  @Inject()
  wechat!: WechatClient;

  @Inject()
  users!: UserService;

  private get outbox() {
    return this.database.model<OutboxDoc>(OUTBOX_MODEL, outboxSchema);
  }

  private get claims() {
    return this.database.model(OUTBOX_CLAIM_MODEL, outboxClaimSchema);
  }

  async runOnce(now = new Date()): Promise<OutboxRunReport> {
    const report: OutboxRunReport = { sent: 0, retried: 0, failed: 0 };
    const due = await this.outbox
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean<OutboxDoc[]>();
    for (const entry of due) {
      if (!(await this.claim(entry, now))) continue;
      report[await this.deliver(entry, now)] += 1;
    }
    return report;
  }

  /**
   * An attempt is claimed by a unique insert. A claim whose sender never
   * recorded the outcome (the process died mid-send) lapses after
   * OUTBOX_CLAIM_MS and is taken over, so the message is still sent: at least
   * once, never lost (tests/reliability/r13-faults.test.ts).
   */
  private async claim(entry: OutboxDoc, now: Date): Promise<boolean> {
    const attempt = entry.attempts + 1;
    for (let round = 0; round < 2; round++) {
      try {
        await this.claims.create({ entryId: entry._id, attempt, at: now });
        return true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const lapsed = new Date(now.getTime() - envInt('OUTBOX_CLAIM_MS'));
      const { deletedCount } = await this.claims.deleteOne({ entryId: entry._id, attempt, at: { $lt: lapsed } });
      if (deletedCount === 0) return false;
    }
    return false;
  }

  private async deliver(entry: OutboxDoc, now: Date): Promise<keyof OutboxRunReport> {
    const attempts = entry.attempts + 1;
    try {
      const openid = await this.users.openid(entry.userId);
      if (!openid) throw Object.assign(new Error('recipient no longer exists'), { permanent: true });
      await this.wechat.sendSubscribeMessage({
        toOpenid: openid,
        templateId: env(NOTIFICATION_TEMPLATES[entry.template as NotificationTemplate] ?? 'WECHAT_TEMPLATE_CASE_STATUS'),
        page: entry.page,
        data: entry.data,
      });
      await this.outbox.updateOne({ _id: entry._id }, { $set: { status: 'sent', attempts, sentAt: now, lastError: null } });
      return 'sent';
    } catch (err) {
      const e = err as { message?: string; errcode?: number; permanent?: boolean };
      const permanent = e.permanent || (e.errcode !== undefined && PERMANENT_ERRCODES.has(e.errcode));
      const give_up = permanent || attempts >= OUTBOX_MAX_ATTEMPTS;
      const lastError = `${e.errcode ?? ''} ${e.message ?? String(err)}`.trim().slice(0, 300);
      await this.outbox.updateOne(
        { _id: entry._id },
        {
          $set: {
            status: give_up ? 'failed' : 'pending',
            attempts,
            lastError,
            nextAttemptAt: new Date(now.getTime() + BASE_BACKOFF_MS * 2 ** (attempts - 1)),
          },
        },
      );
      return give_up ? 'failed' : 'retried';
    }
  }
}
