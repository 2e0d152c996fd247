import type { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';

/** The kinds of things a photo can be attached to, each owned by its own module. */
export const ATTACHMENT_KINDS = ['case', 'notice', 'patrol', 'event', 'station'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** One thing a photo is attached to: a case, a notice, a patrol log, an event or a station's wall (上墙挂牌). */
export interface AttachedTo {
  kind: AttachmentKind;
  id: Types.ObjectId;
}

/**
 * What the media module asks the module that owns a kind of thing: may this
 * viewer see it (and so its photos)? Owners are registered at start-up from
 * the module manifests, so media imports none of them.
 */
export interface PhotoOwner {
  readonly kind: AttachmentKind;
  canView(viewer: AuthUser, id: Types.ObjectId): Promise<boolean>;
  /** Whether a thing of this kind has this id (used to migrate old attachments). */
  exists(id: Types.ObjectId): Promise<boolean>;
}

/** "May see it?" from a module's own check that throws its not-found/forbidden AppError when not. */
export function passes(check: Promise<unknown>): Promise<boolean> {
  return check.then(
    () => true,
    (err) => (err instanceof AppError ? false : Promise.reject(err)),
  );
}
