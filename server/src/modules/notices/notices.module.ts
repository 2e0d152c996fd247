import type { ModuleManifest } from '../manifest';
import { NOTICE_MODEL, NOTICE_READ_MODEL, NOTICE_REQUEST_MODEL, noticeReadSchema, noticeRequestSchema, noticeSchema } from './notice.model';
import { NoticePhotoOwner } from './notice-photo-owner';
import { NoticePersonalData } from './notice-personal-data';
import { NoticePositionsMigration } from './notice-positions.migration';

export const NOTICES_MODULE: ModuleManifest = {
  name: 'notices',
  models: [
    [NOTICE_MODEL, noticeSchema],
    [NOTICE_READ_MODEL, noticeReadSchema],
    [NOTICE_REQUEST_MODEL, noticeRequestSchema],
  ],
  photoOwners: [NoticePhotoOwner],
  personalData: [NoticePersonalData],
  migrations: [NoticePositionsMigration],
};
