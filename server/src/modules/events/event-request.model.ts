import { keyRecordSchema, type KeyRecordDoc } from '../../common/idempotent-creation';

/**
 * One record per (lead, Idempotency-Key) of a new event or session ("event:<key>",
 * "session:<eventId>:<key>"): a form sent again after a lost answer makes one (common/idempotent-creation.ts).
 */
export type EventRequestDoc = KeyRecordDoc<'targetId'>;

export const EVENT_REQUEST_MODEL = 'EventRequest';

export const eventRequestSchema = keyRecordSchema('event_requests', 'targetId');
