import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { PersonalDataHolder } from '../users/personal-data';
import { NoticeBoardService } from './notice-board.service';
import type { NoticeReadDoc } from './notice.model';

/** Which notices the person opened; on deletion the reads stay counted but lead to no one. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticePersonalData implements PersonalDataHolder {
  @Inject()
  board!: NoticeBoardService;

  async export(userId: Types.ObjectId) {
    const reads = await this.board.reads.find({ userId }).sort({ at: 1 }).lean<NoticeReadDoc[]>();
    return { noticeReads: reads.map((r) => ({ noticeId: r.noticeId.toHexString(), readAt: r.at.toISOString() })) };
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    const reads = await this.board.reads.find({ userId }).select('_id').lean<Pick<NoticeReadDoc, '_id'>[]>();
    for (const read of reads) await this.board.reads.updateOne({ _id: read._id }, { $set: { userId: new Types.ObjectId() } });
  }
}
