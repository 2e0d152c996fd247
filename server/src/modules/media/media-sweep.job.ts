import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { addChinaDays, chinaDate, UNATTACHED_UPLOAD_MS } from '@citycare/shared';
import type { MediaDoc } from './media.model';
import { MediaStore } from './media-store';
import type { MediaSweepDoc } from './media-sweep.model';

/** Where the sweep starts on a database it never ran on: older than any upload kept (RETENTION_DAYS is 3 years). */
const FIRST_SWEEP_DAYS = 4 * 366;

/**
 * Deletes uploads never attached to anything 24 h after they came (a report
 * abandoned after its photos went up). Reads each day's uploads by the
 * `unattachedDay` key (equality, only uploads still unattached), from the
 * day after the last one it finished (kept in `media_sweep`, so a job that
 * did not run for months catches up) to the day of the cutoff; one process
 * at a time (the job runner's claim `job:media-sweep`, common/jobs.ts).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MediaSweepJob {
  @Inject()
  store!: MediaStore;

  async runOnce(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_UPLOAD_MS);
    const cutoffDay = chinaDate(cutoff);
    const done = (await this.store.sweepProgress.findById('unattached').lean<MediaSweepDoc>())?.through ?? addChinaDays(cutoffDay, -FIRST_SWEEP_DAYS);
    let deleted = 0;
    for (let day = addChinaDays(done, 1); day <= cutoffDay; day = addChinaDays(day, 1)) deleted += await this.sweepDay(day, cutoff);
    // The days before the cutoff's are finished (none of their uploads can come due later): one write
    // for all of them. A run that dies before it reads them again next time, which deletes nothing twice.
    const finished = addChinaDays(cutoffDay, -1);
    if (finished > done) await this.store.sweepProgress.replaceOne({ _id: 'unattached' }, { _id: 'unattached', through: finished }, { upsert: true });
    return deleted;
  }

  private async sweepDay(day: string, cutoff: Date): Promise<number> {
    let deleted = 0;
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
    return deleted;
  }
}
