import type { Schema } from 'mongoose';
import type { Database } from './database';
import { STATION_MODEL, stationSchema } from '../modules/stations/station.model';
import { USER_MODEL, userSchema } from '../modules/users/user.model';
import { SESSION_MODEL, sessionSchema } from '../modules/auth/session.model';
import { MEDIA_MODEL, mediaSchema } from '../modules/media/media.model';
import { CASE_MODEL, caseSchema } from '../modules/cases/case.model';
import { CASE_EVENT_MODEL, caseEventSchema } from '../modules/cases/case-event.model';
import { IDEMPOTENCY_MODEL, idempotencySchema } from '../modules/cases/idempotency.model';
import { CATEGORY_MODEL, categorySchema } from '../modules/cases/category.model';
import { RATING_MODEL, ratingSchema } from '../modules/cases/rating.model';
import { ZONE_MODEL, zoneSchema } from '../modules/zones/zone.model';
import { NOTICE_MODEL, noticeSchema, NOTICE_READ_MODEL, noticeReadSchema } from '../modules/notices/notice.model';
import { PATROL_MODEL, patrolSchema } from '../modules/patrols/patrol.model';
import { HOTLINE_CASE_MODEL, hotlineCaseSchema } from '../modules/hotline/hotline.model';
import { EVENT_MODELS } from '../modules/events/event.indexes';
import { OUTBOX_MODEL, outboxSchema, OUTBOX_CLAIM_MODEL, outboxClaimSchema } from '../modules/notifications/outbox.model';

/**
 * Every model whose indexes must exist before the app serves requests.
 * Unique indexes carry the invariants concurrency could break (DESIGN.md §3),
 * so they are created at start-up, not lazily.
 */
const MODELS: Array<[string, Schema<any>]> = [
  [STATION_MODEL, stationSchema],
  [USER_MODEL, userSchema],
  [SESSION_MODEL, sessionSchema],
  [MEDIA_MODEL, mediaSchema],
  [CASE_MODEL, caseSchema],
  [CASE_EVENT_MODEL, caseEventSchema],
  [IDEMPOTENCY_MODEL, idempotencySchema],
  [CATEGORY_MODEL, categorySchema],
  [RATING_MODEL, ratingSchema],
  [ZONE_MODEL, zoneSchema],
  [NOTICE_MODEL, noticeSchema],
  [NOTICE_READ_MODEL, noticeReadSchema],
  [PATROL_MODEL, patrolSchema],
  [HOTLINE_CASE_MODEL, hotlineCaseSchema],
  ...EVENT_MODELS,
  [OUTBOX_MODEL, outboxSchema],
  [OUTBOX_CLAIM_MODEL, outboxClaimSchema],
];

export async function ensureIndexes(database: Database): Promise<void> {
  for (const [name, schema] of MODELS) {
    await database.model(name, schema).createIndexes();
  }
}
