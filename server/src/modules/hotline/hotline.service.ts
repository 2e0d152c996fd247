import { createHash } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { toStoredCoords, type CreateCaseBody, type HotlineCaseBody, type HotlineCaseStatus, type LatLng } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { Database } from '../../common/database';
import { isDuplicateKey } from '../../common/mongo-errors';
import { CaseIntakeService } from '../cases/case-intake.service';
import { CaseLookup } from '../cases/case-lookup';
import { CategoryService } from '../cases/category.service';
import type { CaseDoc } from '../cases/case.model';
import { StationService } from '../stations/station.service';
import { HOTLINE_CASE_MODEL, hotlineCaseSchema, type HotlineCaseDoc } from './hotline.model';
import { IntegrationUsers } from './integration-users';
import { sealPhone } from './phone-cipher';
import { toHotlineStatus } from './hotline.view';

/** A new case comes with its case document; a repeat only with its record. */
export type Received = { record: HotlineCaseDoc; created: true; doc: CaseDoc } | { record: HotlineCaseDoc; created: false };

export interface Delivery {
  channel: HotlineCaseDoc['channel'];
  importedBy?: string;
}

/**
 * 12345 intake. A hotline case becomes an ordinary case (source `hotline`,
 * reported by the hotline's system user) through CaseIntakeService, keyed by
 * its hotline id, so re-delivery — even concurrent — lands on one case.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HotlineService {
  @Inject()
  database!: Database;

  @Inject()
  intake!: CaseIntakeService;

  @Inject()
  cases!: CaseLookup;

  @Inject()
  categories!: CategoryService;

  @Inject()
  stations!: StationService;

  @Inject()
  integrations!: IntegrationUsers;

  get records() {
    return this.database.model<HotlineCaseDoc>(HOTLINE_CASE_MODEL, hotlineCaseSchema);
  }

  /**
   * Same hotline id and content as before → the same case, `created: false`;
   * same id, other content → 409 HOTLINE_ID_CONFLICT (the sender should know
   * its correction was not applied, rather than be told all is well).
   */
  async receive(input: HotlineCaseBody, delivery: Delivery): Promise<Received> {
    const category = await this.categoryCode(input.category);
    const place = await this.locate(input);
    const body: CreateCaseBody = {
      category,
      description: input.text,
      photos: [],
      lat: place.lat,
      lng: place.lng,
      address: input.address,
      anonymous: false,
      // Callers never agreed to publish what they said on the phone.
      publicDescription: false,
    };
    const contentHash = hashOf({ ...body, stationId: input.stationId ?? null });
    const existing = await this.records.findById(input.hotlineId).lean<HotlineCaseDoc>();
    if (existing) return { record: sameContent(existing, contentHash), created: false };

    // Sealed before anything is written: a bad HOTLINE_PHONE_KEY must not leave a case behind.
    const callerPhone = input.callerPhone ? sealPhone(input.callerPhone, input.hotlineId) : null;
    const reporter = await this.integrations.reporter('hotline');
    const doc = await this.intake
      .submit(reporter, body, `hotline:${input.hotlineId}`, 'hotline', { stationId: input.stationId })
      .catch((err) => {
        throw err instanceof AppError && err.code === 'IDEMPOTENCY_KEY_REUSED' ? new AppError('HOTLINE_ID_CONFLICT') : err;
      });
    try {
      const record = await this.records.create({
        _id: input.hotlineId,
        caseId: doc._id,
        contentHash,
        callerPhone,
        channel: delivery.channel,
        importedBy: delivery.importedBy ? new Types.ObjectId(delivery.importedBy) : null,
        createdAt: new Date(),
      });
      return { record: record.toObject(), created: true, doc };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // A concurrent delivery of the same id recorded the case first.
      const winner = await this.records.findById(input.hotlineId).lean<HotlineCaseDoc>();
      if (!winner) throw err;
      return { record: sameContent(winner, contentHash), created: false };
    }
  }

  async status(hotlineId: string): Promise<HotlineCaseStatus> {
    const record = await this.records.findById(hotlineId).lean<HotlineCaseDoc>();
    if (!record) throw new AppError('HOTLINE_CASE_NOT_FOUND');
    return this.statusOf(record);
  }

  async statusOf(record: HotlineCaseDoc): Promise<HotlineCaseStatus> {
    const doc = await this.cases.load(record.caseId);
    if (!doc) throw new AppError('HOTLINE_CASE_NOT_FOUND');
    const events = await this.cases.publicTimeline(doc._id);
    return toHotlineStatus(record, doc, await this.stationName(doc), events);
  }

  /** The status of a case just created: nothing has happened to it yet. */
  async statusOfNew(record: HotlineCaseDoc, doc: CaseDoc): Promise<HotlineCaseStatus> {
    return toHotlineStatus(record, doc, await this.stationName(doc), []);
  }

  private async stationName(doc: CaseDoc): Promise<string> {
    return (await this.stations.names([doc.stationId])).get(doc.stationId.toHexString()) ?? '';
  }

  /** A category code, or the Chinese name 12345 exports use (占道经营); only active ones. */
  private async categoryCode(codeOrName: string): Promise<string> {
    const all = await this.categories.all();
    const code = all.has(codeOrName) ? codeOrName : [...all.values()].find((c) => c.name === codeOrName)?.code;
    return (await this.categories.getActive(code ?? codeOrName)).code;
  }

  /** Where the case is: its coordinates (stored as GCJ-02), else the dispatched station's. */
  private async locate(input: HotlineCaseBody): Promise<LatLng> {
    if ((input.lat === undefined) !== (input.lng === undefined)) {
      throw new AppError('INVALID_COORDINATES', '纬度和经度要同时提供', [{ field: 'lat', code: 'INVALID_COORDINATES', message: '纬度和经度要同时提供' }]);
    }
    const station = input.stationId ? await this.dispatchedStation(input.stationId) : null;
    if (input.lat !== undefined && input.lng !== undefined) return toStoredCoords({ lat: input.lat, lng: input.lng }, input.coordSystem);
    if (station) return { lat: station.lat, lng: station.lng };
    throw new AppError('INVALID_COORDINATES', '没有坐标时需提供 stationId（派单的工作站）', [
      { field: 'stationId', code: 'INVALID_COORDINATES', message: '没有坐标时需提供 stationId（派单的工作站）' },
    ]);
  }

  private async dispatchedStation(stationId: string): Promise<LatLng> {
    try {
      return await this.stations.getById(stationId);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'STATION_NOT_FOUND')) throw err;
      throw new AppError('VALIDATION_FAILED', '工作站不存在', [{ field: 'stationId', code: 'STATION_NOT_FOUND', message: '工作站不存在' }]);
    }
  }
}

function hashOf(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function sameContent(record: HotlineCaseDoc, contentHash: string): HotlineCaseDoc {
  if (record.contentHash !== contentHash) throw new AppError('HOTLINE_ID_CONFLICT');
  return record;
}
