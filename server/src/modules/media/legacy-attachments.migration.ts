import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Migration } from '../manifest';
import { MediaStore } from './media-store';
import { PhotoAttachments } from './photo-attachments.service';

/**
 * Photos used to carry one `caseId` that held a case's, notice's, patrol
 * log's or event's id. Each becomes an attachment of the right kind (asked of
 * the owning modules), then the old field goes. Safe to run again.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class LegacyAttachmentsMigration implements Migration {
  readonly name = 'media-attachments-v1';

  @Inject()
  store!: MediaStore;

  @Inject()
  attachments!: PhotoAttachments;

  async run(): Promise<number> {
    let moved = 0;
    for await (const doc of this.store.legacyAttached()) {
      const kind = await this.attachments.kindOf(doc.caseId);
      if (kind) await this.attachments.attach({ kind, id: doc.caseId }, [doc._id]);
      await this.store.dropLegacyLink(doc._id);
      moved += 1;
    }
    return moved;
  }
}
