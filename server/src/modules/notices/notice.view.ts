import { OBJECT_ID_CHARS, type ManagedNoticeView, type NoticeView } from '@citycare/shared';
import type { SignPhotos } from '../media/photo-urls';
import type { NoticeDoc } from './notice.model';
import { textFor, type Readers } from '../../common/public-text';

export function isActive(doc: Pick<NoticeDoc, 'withdrawnAt' | 'expiresAt'>, now: Date): boolean {
  return !doc.withdrawnAt && (!doc.expiresAt || doc.expiresAt > now);
}

/** A notice as `readers` see it: its managers as written, everyone else with phone and ID numbers masked. */
export function toNoticeView(doc: NoticeDoc, sign: SignPhotos, readers: Readers): NoticeView {
  const id = doc._id.toHexString();
  return {
    id,
    title: textFor(readers, doc.title),
    body: textFor(readers, doc.body),
    photos: sign(doc.photos),
    community: doc.community,
    pinned: doc.pinned,
    expiresAt: doc.expiresAt ? doc.expiresAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function toManagedNoticeView(doc: NoticeDoc, readCount: number, now: Date, sign: SignPhotos): ManagedNoticeView {
  return {
    ...toNoticeView(doc, sign, 'staff'),
    withdrawnAt: doc.withdrawnAt ? doc.withdrawnAt.toISOString() : null,
    expired: !!doc.expiresAt && doc.expiresAt <= now,
    readCount,
  };
}

/** Keyset cursor over (pinned, createdAt, _id): "1-1718000000000-<id>". */
export function encodeNoticeCursor(doc: Pick<NoticeDoc, 'pinned' | 'createdAt' | '_id'>): string {
  return `${doc.pinned ? 1 : 0}-${doc.createdAt.getTime()}-${doc._id.toHexString()}`;
}

const CURSOR = new RegExp(`^([01])-(\\d{1,15})-(${OBJECT_ID_CHARS})$`);

export function decodeNoticeCursor(cursor: string): { pinned: boolean; createdAt: Date; id: string } | null {
  const match = CURSOR.exec(cursor);
  return match ? { pinned: match[1] === '1', createdAt: new Date(Number(match[2])), id: match[3] } : null;
}
