import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { chinaDate } from '@citycare/shared';
import { Claims } from '../../common/claims';
import type { MediaDoc } from './media.model';
import { MediaStore } from './media-store';

/** An upload not attached to anything this long after it came is deleted. */
export const UNATTACHED_UPLOAD_MS = 24 * 3600_000;
/** How many days back the sweep looks (it runs every few minutes; a week covers any outage worth having). */
const LOOKBACK_DAYS = 7;
const DAY_MS = 24 * 3600_000;
const CLAIM_MS = 10 * 60_000;

/**
 * Deletes uploads never attached to anything 24 h after they came (a report
 * abandoned after its photos went up). Reads each of the last days' uploads
 * by the `unattachedDay` key (equality, only uploads still unattached); one
 * process at a time (a claim that lapses if that process dies).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MediaSweepJob {
  @Inject()
  store!: MediaStore;

  @Inject()
  claims!: Claims;

  async runOnce(now = new Date()): Promise<number> {
    return (await this.claims.run('job:media-sweep', CLAIM_MS, () => this.sweep(now))) ?? 0;
  }

  private async sweep(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_UPLOAD_MS);
    let deleted = 0;
    for (let back = LOOKBACK_DAYS; back >= 0; back--) {
      const day = chinaDate(new Date(cutoff.getTime() - back * DAY_MS));
      for (const doc of await this.store.media.find({ unattachedDay: day }).lean<MediaDoc[]>()) {
        if (doc.createdAt > cutoff) continue;
        if (await this.store.attachments.exists({ mediaId: doc._id })) {
          // Attached by a process that died before clearing the key.
          await this.store.media.updateOne({ _id: doc._id }, { $set: { unattachedDay: null } });
          continue;
        }
        await this.store.deletePhoto(doc);
        deleted += 1;
      }
    }
    return deleted;
  }
}
