import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { everyErrorIsDuplicateKey } from '../../common/mongo-errors';
import { toObjectId } from '../../common/object-id';
import type { MediaDoc } from './media.model';
import { MediaStore, type MediaFile, type MediaVariant } from './media-store';
import type { AttachedTo, AttachmentKind, PhotoOwner } from './photo-owner';

/**
 * Photos attached to cases, timeline entries, notices, patrol logs and events.
 * A module claims the caller's own uploads, attaches them to its thing, and
 * serves them through its own routes with `open`; `GET /api/media/:id` asks
 * the owning module (a `PhotoOwner`) whether the viewer may see the thing.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PhotoAttachments {
  @Inject()
  store!: MediaStore;

  private readonly owners = new Map<AttachmentKind, PhotoOwner>();

  registerOwner(owner: PhotoOwner): void {
    this.owners.set(owner.kind, owner);
  }

  owner(kind: AttachmentKind): PhotoOwner {
    const owner = this.owners.get(kind);
    if (!owner) throw new Error(`no module owns photo attachments of kind ${kind}`);
    return owner;
  }

  /**
   * The caller's own uploads among `ids`, each once, in order; anything else
   * (someone else's, unknown) → MEDIA_NOT_FOUND. Already being attached
   * elsewhere does not matter: one photo may show on several things.
   */
  async claim(userId: string, ids: readonly string[]): Promise<Types.ObjectId[]> {
    const unique = [...new Set(ids)];
    const docs = await Promise.all(unique.map((id) => this.store.photo(id)));
    if (docs.some((doc) => !doc || doc.ownerId.toHexString() !== userId)) throw new AppError('MEDIA_NOT_FOUND');
    return docs.map((doc) => doc!._id);
  }

  async attach(to: AttachedTo, photos: readonly Types.ObjectId[]): Promise<void> {
    if (photos.length === 0) return;
    const at = new Date();
    await this.store.attachments
      .insertMany(photos.map((mediaId) => ({ mediaId, kind: to.kind, targetId: to.id, at })), { ordered: false })
      .catch((err) => {
        if (!everyErrorIsDuplicateKey(err)) throw err; // attached before: still one attachment
      });
    // Attached now: no longer an abandoned upload for the sweep (after the attachment, so a crash between leaves it kept).
    for (const mediaId of photos) await this.store.media.updateOne({ _id: mediaId }, { $set: { unattachedDay: null } });
  }

  /**
   * Detaches `photos` from `to` and deletes each that is attached to nothing
   * else any more — record and bytes (the retention job: old cases keep no photos).
   */
  async discard(to: AttachedTo, photos: readonly Types.ObjectId[]): Promise<number> {
    await this.detach(to, photos);
    let deleted = 0;
    for (const mediaId of new Set(photos.map((p) => p.toHexString()))) {
      const doc = await this.store.photo(mediaId);
      if (!doc || (await this.store.attachments.exists({ mediaId: doc._id }))) continue;
      await this.store.deletePhoto(doc);
      deleted += 1;
    }
    return deleted;
  }

  async detach(to: AttachedTo, photos: readonly Types.ObjectId[]): Promise<void> {
    if (photos.length === 0) return;
    await Promise.all(photos.map((mediaId) => this.store.attachments.deleteOne({ mediaId, kind: to.kind, targetId: to.id })));
  }

  /**
   * A new photo list for `to`: photos already on it stay, new ones must be the
   * user's own uploads and are attached, dropped ones are detached.
   */
  async replace(userId: string, to: AttachedTo, current: readonly Types.ObjectId[], wanted: readonly string[]): Promise<Types.ObjectId[]> {
    const kept = new Set(current.map((p) => p.toHexString()));
    const added = await this.claim(userId, wanted.filter((p) => !kept.has(p)));
    await this.attach(to, added);
    const want = new Set(wanted);
    await this.detach(to, current.filter((p) => !want.has(p.toHexString())));
    return [...want].map((p) => toObjectId(p)!);
  }

  /** A photo of `to`, once its module has decided the caller may see `to`; otherwise MEDIA_NOT_FOUND. */
  async open(to: AttachedTo, mediaId: string, variant: MediaVariant): Promise<MediaFile> {
    const _id = toObjectId(mediaId);
    const attached = _id && (await this.store.attachments.exists({ mediaId: _id, kind: to.kind, targetId: to.id }));
    const doc = attached ? await this.store.photo(_id) : null;
    if (!doc) throw new AppError('MEDIA_NOT_FOUND');
    return this.store.file(doc, variant);
  }

  /** The uploader, or anyone the owning module lets see one of the things the photo is attached to. */
  async mayView(viewer: AuthUser, doc: MediaDoc): Promise<boolean> {
    if (doc.ownerId.toHexString() === viewer.id) return true;
    const links = await this.store.attachments.find({ mediaId: doc._id }).lean<Array<{ kind: AttachmentKind; targetId: Types.ObjectId }>>();
    for (const link of links) {
      if (await this.owner(link.kind).canView(viewer, link.targetId)) return true;
    }
    return false;
  }

  /** Which owner has a thing with this id (for migrating old single links). */
  async kindOf(id: Types.ObjectId): Promise<AttachmentKind | null> {
    for (const owner of this.owners.values()) {
      if (await owner.exists(id)) return owner.kind;
    }
    return null;
  }
}
