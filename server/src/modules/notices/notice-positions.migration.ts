import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { OrdinalLists } from '../../common/ordinal-list';
import type { Migration } from '../manifest';
import { NoticeBoardService } from './notice-board.service';
import { boardBucketOf, boardOf, type NoticeDoc } from './notice.model';

/** Notices from before boards had positions get them, oldest first per board. Safe to run again. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticePositionsMigration implements Migration {
  readonly name = 'notice-positions-v1';

  @Inject()
  board!: NoticeBoardService;

  @Inject()
  lists!: OrdinalLists;

  async run(): Promise<number> {
    const next = new Map<string, number>();
    const cursor = this.board.notices.find().sort({ createdAt: 1, _id: 1 }).select('community createdAt').lean<NoticeDoc[]>().cursor();
    let moved = 0;
    for await (const doc of cursor as AsyncIterable<NoticeDoc>) {
      const board = boardOf(doc.community);
      const k = (next.get(board) ?? 0) + 1;
      next.set(board, k);
      await this.board.notices.updateOne({ _id: doc._id }, { $set: { boardK: k, boardBucket: boardBucketOf(doc.community, k) } });
      moved += 1;
    }
    for (const [board, n] of next) await this.lists.setHead(board, n);
    return moved;
  }
}
