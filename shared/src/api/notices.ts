import type { SignedPhoto } from './media';
/** A notice as residents see it. */
export interface NoticeView {
  id: string;
  title: string;
  body: string;
  /** Media URLs. */
  photos: SignedPhoto[];
  /** null: a city-wide notice from the bureau (全市公告). */
  community: string | null;
  pinned: boolean;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the author's side sees besides: withdrawal and how many people read it (never who). */
export interface ManagedNoticeView extends NoticeView {
  withdrawnAt: string | null;
  expired: boolean;
  readCount: number;
}

export interface NoticePage<V extends NoticeView = NoticeView> {
  items: V[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}
