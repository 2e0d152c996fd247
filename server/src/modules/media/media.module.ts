import type { ModuleManifest } from '../manifest';
import { MEDIA_MODEL, mediaSchema } from './media.model';
import { MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema } from './media-attachment.model';
import { MEDIA_SWEEP_MODEL, mediaSweepSchema } from './media-sweep.model';
import { LegacyAttachmentsMigration } from './legacy-attachments.migration';
import { MediaPersonalData } from './media-personal-data';
import { MediaSweepJob } from './media-sweep.job';
import { UploadFilesJob } from './upload-files.job';
import { UnattachedDayMigration } from './unattached-day.migration';
import { housekeepingInterval } from '../../config/env';

export const MEDIA_MODULE: ModuleManifest = {
  name: 'media',
  models: [
    [MEDIA_MODEL, mediaSchema],
    [MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema],
    [MEDIA_SWEEP_MODEL, mediaSweepSchema],
  ],
  migrations: [LegacyAttachmentsMigration, UnattachedDayMigration],
  jobs: [
    { name: 'media-sweep', intervalMs: housekeepingInterval, job: MediaSweepJob },
    { name: 'upload-files', intervalMs: housekeepingInterval, job: UploadFilesJob, everyProcess: true },
  ],
  personalData: [MediaPersonalData],
};
