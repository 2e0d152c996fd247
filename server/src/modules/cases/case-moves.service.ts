import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import {
  allowedMoves,
  CASE_MOVES,
  canMove,
  type Actor,
  type CaseMove,
  type CaseMoveBody,
  type MoveNeeds,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import type { CaseDoc } from './case.model';
import { CaseTimelineService } from './case-timeline.service';
import { attachPhotos, claimPhotos } from './case-photos';

export type MoveInput = Omit<CaseMoveBody, 'move'>;
export type Mover = AuthUser | 'system';

/** Which lifecycle actors a caller is for this case. */
export function actorsFor(mover: Mover, doc: CaseDoc): Actor[] {
  if (mover === 'system') return ['system'];
  const actors: Actor[] = [];
  if (doc.reporterId.toHexString() === mover.id) actors.push('reporter');
  const ownStation = mover.stationId === doc.stationId.toHexString();
  if (mover.role === 'admin' || ((mover.role === 'officer' || mover.role === 'lead') && ownStation)) {
    actors.push('station_staff');
  }
  if (mover.role === 'admin' || (mover.role === 'lead' && ownStation)) actors.push('station_lead');
  return actors;
}

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
    const patch = await this.patchFor(doc, move, input, now);
    const connection = this.timeline.database.connection;
    const photos = mover === 'system' ? [] : await claimPhotos(connection, mover.id, input.photos ?? []);
    const moved = await this.timeline.append(doc, {
      kind: 'status',
      move,
      from: doc.status,
      to: rule.to,
      text: input.note ?? input.reason ?? null,
      outcome: input.outcome ?? null,
      photos,
      public: true,
      actorId: mover === 'system' ? null : new Types.ObjectId(mover.id),
      actorRole: mover === 'system' ? 'system' : mover.role,
      patch: { status: rule.to, ...patch },
      at: now,
    });
    await attachPhotos(connection, photos, doc._id);
    return moved;
  }

  private async patchFor(doc: CaseDoc, move: CaseMove, input: MoveInput, now: Date): Promise<Record<string, unknown>> {
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
      case 'transfer':
        return { stationId: await this.existingStation(input.targetStationId!, doc), dueAt: doc.acceptBy, acceptedAt: null };
      case 'merge':
        return { mergedInto: await this.survivingCase(input.targetCaseId!, doc), closedAt: now };
    }
  }

  private async existingStation(id: string, doc: CaseDoc): Promise<Types.ObjectId> {
    if (doc.stationId.toHexString() === id) throw new AppError('VALIDATION_FAILED', '不能转派给本工作站');
    const station = await this.timeline.database.connection.collection('stations').findOne({ _id: new Types.ObjectId(id) });
    if (!station) throw new AppError('STATION_NOT_FOUND');
    return station._id;
  }

  private async survivingCase(id: string, doc: CaseDoc): Promise<Types.ObjectId> {
    if (doc._id.toHexString() === id) throw new AppError('VALIDATION_FAILED', '不能与自身合并');
    const target = await this.timeline.load(id);
    if (!target || target.status === 'duplicate') throw new AppError('CASE_NOT_FOUND');
    return target._id;
  }
}
