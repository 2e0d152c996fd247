import { createHash } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { CaseSource, CreateCaseBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKey } from '../../common/mongo-errors';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { StationService } from '../stations/station.service';
import { ContentCheck } from '../wechat/content-check';
import { ZoneService } from '../zones/zone.service';
import type { IdempotencyDoc } from './idempotency.model';
import { CategoryService } from './category.service';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';
import type { CaseDoc } from './case.model';

const HOUR_MS = 3600_000;
const IDEMPOTENCY_WAIT_MS = 5000;

interface IntakeRequest {
  user: AuthUser;
  body: CreateCaseBody;
  source: CaseSource;
  options: IntakeOptions;
  bodyHash: string;
}

export interface IntakeOptions {
  /** Queue the case at this station instead of routing it by location (a 12345 case already dispatched, 派单). */
  stationId?: string;
}

/** Taking in a new case: idempotency, content check, routing, SLA, photos. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseIntakeService {
  @Inject()
  store!: CaseStore;

  @Inject()
  timeline!: CaseTimelineService;

  @Inject()
  categories!: CategoryService;

  @Inject()
  stations!: StationService;

  @Inject()
  contentCheck!: ContentCheck;

  @Inject()
  zones!: ZoneService;

  @Inject()
  attachments!: PhotoAttachments;

  private get keys() {
    return this.store.idempotencyKeys;
  }

  /**
   * The same Idempotency-Key with the same body returns the same case; with
   * another body → 422. The key is claimed by a unique insert before any work,
   * and names the case's id at once: whichever request finishes the case —
   * the first, or a retry after the first died with the database or the
   * process — makes that one case, never a second (R13).
   */
  async submit(user: AuthUser, body: CreateCaseBody, key: string, source: CaseSource = 'miniprogram', options: IntakeOptions = {}): Promise<CaseDoc> {
    const request: IntakeRequest = { user, body, source, options, bodyHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') };
    const userId = new Types.ObjectId(user.id);
    const caseId = new Types.ObjectId();
    let claim: Types.ObjectId;
    try {
      claim = (await this.keys.create({ userId, key, bodyHash: request.bodyHash, caseId, createdAt: new Date() }))._id;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return this.replay(request, userId, key);
    }
    try {
      return await this.createOnce(request, caseId);
    } catch (err) {
      // Refused (nothing was created): the key is free again for a corrected report.
      // Any other failure keeps it, so the client's retry finishes this very case.
      if (err instanceof AppError) await this.keys.deleteOne({ _id: claim });
      throw err;
    }
  }

  /** A key seen before: its case, once there; a first attempt that has not finished within the wait is finished here. */
  private async replay(request: IntakeRequest, userId: Types.ObjectId, key: string): Promise<CaseDoc> {
    const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
    for (;;) {
      const record = await this.keys.findOne({ userId, key }).lean<IdempotencyDoc>();
      if (record && record.bodyHash !== request.bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      // No record: the first attempt was refused and released the key; ask for a retry.
      if (!record) throw new AppError('CONCURRENT_UPDATE', '相同的提交正在处理中，请稍后刷新');
      if (record.caseId) {
        const doc = await this.timeline.load(record.caseId);
        if (doc) return doc;
        const stalled = Date.now() - record.createdAt.getTime() > IDEMPOTENCY_WAIT_MS;
        if (stalled || Date.now() > deadline) return this.createOnce(request, record.caseId);
      } else if (Date.now() > deadline) {
        throw new AppError('CONCURRENT_UPDATE', '相同的提交正在处理中，请稍后刷新');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The case under `caseId`: made now, or — when another request made it meanwhile — that one. */
  private async createOnce(request: IntakeRequest, caseId: Types.ObjectId): Promise<CaseDoc> {
    try {
      return await this.create(request, caseId);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const doc = await this.timeline.load(caseId);
      if (!doc) throw err;
      return doc;
    }
  }

  private async create({ user, body, source, options }: IntakeRequest, caseId: Types.ObjectId): Promise<CaseDoc> {
    const category = await this.categories.getActive(body.category);
    const zoneId = body.zoneId ? await this.zones.requireExists(body.zoneId) : null;
    // 12345 text comes from the hotline's operators, not a WeChat user: msg_sec_check needs a real openid.
    if (source !== 'hotline') await this.contentCheck.assertPublishable(user.openid, [body.description]);
    const station = options.stationId ? await this.stations.getById(options.stationId) : await this.stations.routeFor({ lat: body.lat, lng: body.lng }, category.stationKinds ?? []);
    if (!station) throw new AppError('STATION_NOT_FOUND', '附近暂无可受理的城管工作站');
    const photos = await this.attachments.claim(user.id, body.photos);
    // Attached before the case exists: a crash after the insert leaves no case with loose photos.
    await this.attachments.attach({ kind: 'case', id: caseId }, photos);
    const now = new Date();
    const acceptBy = new Date(now.getTime() + category.acceptHours * HOUR_MS);
    return this.timeline.open(caseId, {
      status: 'submitted',
      outcome: null,
      category: category.code,
      description: body.description,
      publicDescription: body.publicDescription,
      photos,
      lat: body.lat,
      lng: body.lng,
      address: body.address,
      anonymous: body.anonymous,
      source,
      reporterId: new Types.ObjectId(user.id),
      stationId: new Types.ObjectId(station.id),
      community: station.community,
      zoneId,
      acceptBy,
      resolveBy: new Date(now.getTime() + category.resolveHours * HOUR_MS),
      dueAt: acceptBy,
      acceptedAt: null,
      resolvedAt: null,
      closedAt: null,
      mergedInto: null,
      escalated: false,
      rating: null,
      createdAt: now, // the SLA clock starts here, exactly
    });
  }
}
