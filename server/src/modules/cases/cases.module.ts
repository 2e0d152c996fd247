import { envInt } from '../../config/env';
import type { ModuleManifest } from '../manifest';
import { CASE_MODEL, caseSchema } from './case.model';
import { CASE_EVENT_MODEL, caseEventSchema } from './case-event.model';
import { CATEGORY_MODEL, categorySchema } from './category.model';
import { IDEMPOTENCY_MODEL, idempotencySchema } from './idempotency.model';
import { RATING_MODEL, ratingSchema } from './rating.model';
import { CASE_FOLLOWER_MODEL, caseFollowerSchema } from './case-follower.model';
import { DerivedFieldsMigration } from './derived-fields.migration';
import { CaseAccess } from './case-access';
import { AutoCloseJob } from './auto-close.job';
import { CasePersonalData } from './case-personal-data';

export const CASES_MODULE: ModuleManifest = {
  name: 'cases',
  models: [
    [CASE_MODEL, caseSchema],
    [CASE_EVENT_MODEL, caseEventSchema],
    [IDEMPOTENCY_MODEL, idempotencySchema],
    [CATEGORY_MODEL, categorySchema],
    [RATING_MODEL, ratingSchema],
    [CASE_FOLLOWER_MODEL, caseFollowerSchema],
  ],
  migrations: [DerivedFieldsMigration],
  jobs: [{ name: 'auto-close', intervalMs: () => envInt('JOBS_INTERVAL_MS'), job: AutoCloseJob }],
  photoOwners: [CaseAccess],
  // Cases before media: erasing a case detaches its photos; then media deletes the person's uploads.
  personalData: [CasePersonalData],
};
