import { keyRecordSchema, type KeyRecordDoc } from '../../common/idempotent-creation';

/**
 * One record per (user, Idempotency-Key): a new case (its id named at the claim), or an entry on
 * a case (a reply, a note, a 补充说明; the key scoped by kind): the same key and body land once.
 */
export type IdempotencyDoc = KeyRecordDoc<'caseId'>;

export const IDEMPOTENCY_MODEL = 'Idempotency';

export const idempotencySchema = keyRecordSchema('idempotency_keys', 'caseId');
