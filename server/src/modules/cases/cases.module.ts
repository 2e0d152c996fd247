import { envInt } from '../../config/env';
import type { ModuleManifest } from '../manifest';
import { CASE_MODEL, caseSchema } from './case.model';
import { CASE_EVENT_MODEL, caseEventSchema } from './case-event.model';
import { CATEGORY_MODEL, categorySchema } from './category.model';
import { IDEMPOTENCY_MODEL, idempotencySchema } from './idempotency.model';
import { RATING_MODEL, ratingSchema } from './rating.model';
import { CaseAccess } from './case-access';
import { AutoCloseJob } from './auto-close.job';

export const CASES_MODULE: ModuleManifest = {
  name: 'cases',
  models: [
    [CASE_MODEL, caseSchema],
    [CASE_EVENT_MODEL, caseEventSchema],
    [IDEMPOTENCY_MODEL, idempotencySchema],
    [CATEGORY_MODEL, categorySchema],
    [RATING_MODEL, ratingSchema],
  ],
  jobs: [{ name: 'auto-close', intervalMs: () => envInt('JOBS_INTERVAL_MS'), job: AutoCloseJob }],
  photoOwners: [CaseAccess],
};
