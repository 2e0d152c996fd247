import { Schema, type Types } from 'mongoose';
import { keyRecordSchema, type KeyRecordDoc } from '../../common/idempotent-creation';
import { bucketOf } from '../../common/ordinal-list';

/** A community notice (社区公告), or a city-wide one from the bureau when `community` is null. */
export interface NoticeDoc {
  _id: Types.ObjectId;
  title: string;
  body: string;
  photos: Types.ObjectId[];
  community: string | null;
  authorId: Types.ObjectId;
  pinned: boolean;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  /** Its position on its board (the community's, or the city's), newest last (common/ordinal-list.ts). */
  boardK: number;
  /** "<board>|<bucket of boardK>": a page of the board is one equality lookup. */
  boardBucket: string;
  createdAt: Date;
  updatedAt: Date;
}

export const NOTICE_MODEL = 'Notice';

/** A notice board: a community's, or the city's for city-wide notices. */
export const boardOf = (community: string | null) => `notices|${community ?? '*'}`;
export const boardBucketOf = (community: string | null, boardK: number) => `${boardOf(community)}|${bucketOf(boardK)}`;

export const noticeSchema = new Schema<NoticeDoc>(
  {
    title: { type: String, required: true, maxlength: 60 },
    body: { type: String, required: true, maxlength: 5000 },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    community: { type: String, default: null },
    authorId: { type: Schema.Types.ObjectId, required: true },
    pinned: { type: Boolean, required: true, default: false },
    expiresAt: { type: Date, default: null },
    withdrawnAt: { type: Date, default: null },
    boardK: { type: Number, required: true },
    boardBucket: { type: String, required: true },
  },
  { collection: 'notices', timestamps: true, versionKey: false },
);

// Residents' list: a board's pinned notices, then its newest page by page.
noticeSchema.index({ community: 1, pinned: 1 });
noticeSchema.index({ boardBucket: 1 });

/** Who opened a notice: one row per reader (unique), counted for the author, never listed. */
export interface NoticeReadDoc {
  _id: Types.ObjectId;
  noticeId: Types.ObjectId;
  userId: Types.ObjectId;
  at: Date;
}

export const NOTICE_READ_MODEL = 'NoticeRead';

export const noticeReadSchema = new Schema<NoticeReadDoc>(
  {
    noticeId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'notice_reads', versionKey: false },
);

// A reader counts once however often they open it, even when two opens race.
noticeReadSchema.index({ noticeId: 1, userId: 1 }, { unique: true });
noticeReadSchema.index({ userId: 1 });

/** One record per (author, Idempotency-Key) of a post: a resent post lands once (common/idempotent-creation.ts). */
export type NoticeRequestDoc = KeyRecordDoc<'noticeId'>;

export const NOTICE_REQUEST_MODEL = 'NoticeRequest';

export const noticeRequestSchema = keyRecordSchema('notice_requests', 'noticeId');
