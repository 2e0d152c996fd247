import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { allowedMoves, CASE_MOVES, canMove, isOpen, type CaseMove, type CaseMoveBody, type MoveNeeds } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { StationService } from '../stations/station.service';
import type { CaseDoc } from './case.model';
import { actorsFor, type Mover } from './case-access';
import { stationList } from './case-derived';
import { OrdinalLists } from '../../common/ordinal-list';
import { CaseTimelineService } from './case-timeline.service';

export type MoveInput = Omit<CaseMoveBody, 'move'>;

const NEED_FIELD: Record<MoveNeeds, keyof MoveInput> = {
  reason: 'reason',
  note: 'note',
  outcome: 'outcome',
  targetCaseId: 'targetCaseId',
  targetStationId: 'targetStationId',
};

/** Applies one lifecycle move (shared CASE_MOVES) and writes it to the timeline. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseMovesService {
  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  attachments!: PhotoAttachments;

  @Inject()
  stations!: StationService;

  @Inject()
  lists!: OrdinalLists;

  async apply(doc: CaseDoc, move: CaseMove, mover: Mover, input: MoveInput = {}, now = new Date()): Promise<CaseDoc> {
    const actors = actorsFor(mover, doc);
    const rule = CASE_MOVES[move];
    if (!rule.by.some((a) => actors.includes(a))) throw new AppError('FORBIDDEN');
    if (!canMove(move, doc.status)) {
      const allowed = allowedMoves(doc.status, actors);
      throw new AppError('ILLEGAL_TRANSITION', `案件当前为该状态，不能执行此操作；可执行：${allowed.join(', ') || '无'}`, [
        { field: 'move', code: 'ILLEGAL_TRANSITION', message: allowed.join(',') },
      ]);
    }
    const missing = rule.needs.filter((need) => !input[NEED_FIELD[need]]);
    if (missing.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        undefined,
        missing.map((need) => ({ field: NEED_FIELD[need], code: 'VALIDATION_FAILED' as const, message: '此操作需要填写该项' })),
      );
    }
    const patch = await this.patchFor(doc, move, mover, input, now);
    const photos = mover === 'system' ? [] : await this.attachments.claim(mover.id, input.photos ?? []);
    const moved = await this.timeline.append(doc, {
      kind: 'status',
      move,
      from: doc.status,
      to: rule.to,
      text: input.note ?? input.reason ?? null,
      outcome: input.outcome ?? null,
      score: null,
      photos,
      public: true,
      actorId: mover === 'system' ? null : new Types.ObjectId(mover.id),
      actorRole: mover === 'system' ? 'system' : mover.role,
      patch: { status: rule.to, ...patch },
      at: now,
    });
    await this.attachments.attach({ kind: 'case', id: doc._id }, photos);
    return moved;
  }

  private async patchFor(doc: CaseDoc, move: CaseMove, mover: Mover, input: MoveInput, now: Date): Promise<Record<string, unknown>> {
    switch (move) {
      case 'accept':
        return { acceptedAt: now, dueAt: doc.resolveBy };
      case 'start':
        return { dueAt: doc.resolveBy };
      case 'resolve':
        return { resolvedAt: now, outcome: input.outcome };
      case 'close':
        return { closedAt: now };
      case 'reopen':
        return { resolvedAt: null, closedAt: null, outcome: null, escalated: true, dueAt: doc.resolveBy };
      case 'reject':
        return { closedAt: now, outcome: 'no_action' };
      case 'transfer': {
        const stationId = await this.otherStation(input.targetStationId!, doc);
        // A place at the end of its new station's list, so the station's history shows it.
        return { stationId, stationK: await this.lists.claim(stationList(stationId)), dueAt: doc.acceptBy, acceptedAt: null };
      }
      case 'merge':
        return { mergedInto: await this.survivingCase(input.targetCaseId!, doc, mover), closedAt: now };
    }
  }

  private async otherStation(id: string, doc: CaseDoc): Promise<Types.ObjectId> {
    if (doc.stationId.toHexString() === id) throw new AppError('VALIDATION_FAILED', '不能转派给本工作站');
    const station = await this.stations.getById(id);
    return new Types.ObjectId(station.id);
  }

  /**
   * A case may be merged only into an open case the same person may handle:
   * merging makes its reporter a follower of the target, so a target outside
   * the mover's station would let them (and that reporter) read it.
   */
  private async survivingCase(id: string, doc: CaseDoc, mover: Mover): Promise<Types.ObjectId> {
    if (doc._id.toHexString() === id) throw new AppError('VALIDATION_FAILED', '不能与自身合并');
    const target = await this.timeline.load(id);
    if (!target || mover === 'system' || !actorsFor(mover, target).includes('case.handle')) throw new AppError('CASE_NOT_FOUND');
    if (!isOpen(target.status)) {
      throw new AppError('VALIDATION_FAILED', '只能合并到尚未办结的案件', [{ field: 'targetCaseId', code: 'VALIDATION_FAILED', message: '目标案件已办结或已关闭' }]);
    }
    return target._id;
  }
}
