import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { chinaDate } from '@citycare/shared';
import type { Migration } from '../manifest';
import type { MediaDoc } from './media.model';
import { MediaStore } from './media-store';

/** Uploads from before `unattachedDay` existed get it when nothing shows them, so the sweep finds them too. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class UnattachedDayMigration implements Migration {
  readonly name = 'media-unattached-day-v1';

  @Inject()
  store!: MediaStore;

  async run(): Promise<number> {
    let marked = 0;
    const cursor = this.store.media.find().select('_id createdAt unattachedDay').lean<MediaDoc[]>().cursor();
    for await (const doc of cursor as AsyncIterable<MediaDoc>) {
      if (doc.unattachedDay !== undefined || (await this.store.attachments.exists({ mediaId: doc._id }))) continue;
      await this.store.media.updateOne({ _id: doc._id }, { $set: { unattachedDay: chinaDate(doc.createdAt) } });
      marked += 1;
    }
    return marked;
  }
}
