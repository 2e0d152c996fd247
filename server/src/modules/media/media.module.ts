import type { ModuleManifest } from '../manifest';
import { MEDIA_MODEL, mediaSchema } from './media.model';
import { MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema } from './media-attachment.model';
import { LegacyAttachmentsMigration } from './legacy-attachments.migration';
import { MediaPersonalData } from './media-personal-data';

export const MEDIA_MODULE: ModuleManifest = {
  name: 'media',
  models: [
    [MEDIA_MODEL, mediaSchema],
    [MEDIA_ATTACHMENT_MODEL, mediaAttachmentSchema],
  ],
  migrations: [LegacyAttachmentsMigration],
  personalData: [MediaPersonalData],
};
