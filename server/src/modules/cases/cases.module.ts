import { envInt, housekeepingInterval } from '../../config/env';
import type { ModuleManifest } from '../manifest';
import { CASE_MODEL, caseSchema } from './case.model';
import { CASE_EVENT_MODEL, caseEventSchema } from './case-event.model';
import { CATEGORY_MODEL, categorySchema } from './category.model';
import { IDEMPOTENCY_MODEL, idempotencySchema } from './idempotency.model';
import { RATING_MODEL, ratingSchema } from './rating.model';
import { CASE_FOLLOWER_MODEL, caseFollowerSchema } from './case-follower.model';
import { DerivedFieldsMigration, TallyMonthMigration } from './derived-fields.migration';
import { CaseAccess } from './case-access';
import { AutoCloseJob } from './auto-close.job';
import { AggregatesJob } from './aggregates.job';
import { CASE_AGGREGATE_DIRTY_MODEL, CASE_AGGREGATE_MODEL, caseAggregateDirtySchema, caseAggregateSchema } from './case-aggregate.model';
import { CasePersonalData } from './case-personal-data';
import { RetentionJob } from './retention.job';

export const CASES_MODULE: ModuleManifest = {
  name: 'cases',
  models: [
    [CASE_MODEL, caseSchema],
    [CASE_EVENT_MODEL, caseEventSchema],
    [IDEMPOTENCY_MODEL, idempotencySchema],
    [CATEGORY_MODEL, categorySchema],
    [RATING_MODEL, ratingSchema],
    [CASE_FOLLOWER_MODEL, caseFollowerSchema],
    [CASE_AGGREGATE_MODEL, caseAggregateSchema],
    [CASE_AGGREGATE_DIRTY_MODEL, caseAggregateDirtySchema],
  ],
  migrations: [DerivedFieldsMigration, TallyMonthMigration],
  jobs: [
    { name: 'case-aggregates', intervalMs: () => envInt('JOBS_INTERVAL_MS'), job: AggregatesJob },
    { name: 'auto-close', intervalMs: () => envInt('JOBS_INTERVAL_MS'), job: AutoCloseJob },
    { name: 'retention', intervalMs: housekeepingInterval, job: RetentionJob },
  ],
  photoOwners: [CaseAccess],
  // Cases before media: erasing a case detaches its photos; then media deletes the person's uploads.
  personalData: [CasePersonalData],
};
