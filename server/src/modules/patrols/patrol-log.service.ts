import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { CreatePatrolBody, PatrolView } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { bodyHashOf } from '../../common/idempotent-creation';
import { isDuplicateKey } from '../../common/mongo-errors';
import { authorize } from '../../common/permissions';
import { CaseIntakeService } from '../cases/case-intake.service';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { ContentCheck } from '../wechat/content-check';
import { PatrolQueryService } from './patrol-query.service';
import type { PatrolDoc } from './patrol.model';

/** A log may be written up right after the patrol, not for one still to come. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Recording a patrol: the log, and a case (source `patrol`, 未诉先办) for each problem found. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PatrolLogService {
  @Inject()
  query!: PatrolQueryService;

  @Inject()
  intake!: CaseIntakeService;

  @Inject()
  contentCheck!: ContentCheck;

  @Inject()
  attachments!: PhotoAttachments;

  /**
   * Idempotent by the officer's key. Problems become cases first (each with a
   * key derived from the officer's, so a retry replays them), then the log is
   * inserted once with their ids: a log never points at a case that does not
   * exist, and a retry after any failure finishes the job.
   */
  async record(user: AuthUser, body: CreatePatrolBody, key: string): Promise<PatrolView> {
    authorize(user, 'patrol.write');
    if (!user.stationId) throw new AppError('FORBIDDEN', '只有工作站的队员可以记录巡查');
    const officerId = new Types.ObjectId(user.id);
    const bodyHash = bodyHashOf(body);
    const done = await this.query.patrols.findOne({ officerId, key }).lean<PatrolDoc>();
    if (done) return this.replay(done, bodyHash);

    if (body.endedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new AppError('VALIDATION_FAILED', '巡查结束时间不能晚于现在', [{ field: 'endedAt', code: 'VALIDATION_FAILED', message: '巡查结束时间不能晚于现在' }]);
    }
    const allPhotos = [...body.photos, ...body.problems.flatMap((p) => p.photos)];
    if (new Set(allPhotos).size !== allPhotos.length) {
      throw new AppError('VALIDATION_FAILED', '同一张照片只能使用一次', [{ field: 'photos', code: 'VALIDATION_FAILED', message: '同一张照片只能使用一次' }]);
    }
    const photos = await this.attachments.claim(user.id, body.photos);
    // Checked before any case is raised, so a risky problem text leaves nothing half-done.
    await this.contentCheck.assertPublishable(user.openid, [body.area, body.notes, ...body.problems.map((p) => p.description)]);

    const caseIds: Types.ObjectId[] = [];
    for (const [i, problem] of body.problems.entries()) {
      const doc = await this.intake.submit(user, { ...problem, anonymous: false }, `patrol:${key}:${i}`, 'patrol');
      caseIds.push(doc._id);
    }
    try {
      const log = await this.query.patrols.create({
        stationId: new Types.ObjectId(user.stationId),
        officerId,
        key,
        bodyHash,
        startedAt: body.startedAt,
        endedAt: body.endedAt,
        area: body.area,
        notes: body.notes,
        photos,
        caseIds,
      });
      await this.attachments.attach({ kind: 'patrol', id: log._id }, photos);
      return this.query.view(log.toObject());
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const winner = await this.query.patrols.findOne({ officerId, key }).lean<PatrolDoc>();
      if (!winner) throw err;
      return this.replay(winner, bodyHash);
    }
  }

  private replay(log: PatrolDoc, bodyHash: string): Promise<PatrolView> {
    if (log.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return this.query.view(log);
  }
}
