import { envInt } from '../../config/env';
import type { ModuleManifest } from '../manifest';
import { OUTBOX_CLAIM_MODEL, OUTBOX_MODEL, outboxClaimSchema, outboxSchema } from './outbox.model';
import { OutboxWorker } from './outbox.worker';
import { OutboxPersonalData } from './outbox-personal-data';

export const NOTIFICATIONS_MODULE: ModuleManifest = {
  name: 'notifications',
  models: [
    [OUTBOX_MODEL, outboxSchema],
    [OUTBOX_CLAIM_MODEL, outboxClaimSchema],
  ],
  personalData: [OutboxPersonalData],
  // Each message is claimed per attempt (outbox.worker.ts), so every process drains the outbox.
  jobs: [{ name: 'outbox', intervalMs: () => envInt('JOBS_INTERVAL_MS'), job: OutboxWorker, everyProcess: true }],
};
