import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { CaseSource, CreateCaseBody } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { createIdempotently, keyLedger } from '../../common/idempotent-creation';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { StationService } from '../stations/station.service';
import { ContentCheck } from '../wechat/content-check';
import { ZoneService } from '../zones/zone.service';
import { CategoryService } from './category.service';
import { CaseStore } from './case-store';
import { CaseTimelineService } from './case-timeline.service';
import type { CaseDoc } from './case.model';

const HOUR_MS = 3600_000;

interface IntakeRequest {
  user: AuthUser;
  body: CreateCaseBody;
  source: CaseSource;
  options: IntakeOptions;
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

  /** The same Idempotency-Key with the same body makes one case (common/idempotent-creation.ts); with another body → 422. */
  async submit(user: AuthUser, body: CreateCaseBody, key: string, source: CaseSource = 'miniprogram', options: IntakeOptions = {}): Promise<CaseDoc> {
    const ledger = keyLedger(this.store.idempotencyKeys, 'caseId', new Types.ObjectId(user.id), key);
    return createIdempotently({
      ledger,
      body,
      load: (caseId) => this.timeline.load(caseId),
      create: (caseId) => this.create({ user, body, source, options }, caseId),
    });
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
