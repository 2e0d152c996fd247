import { randomUUID } from 'node:crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types, type FilterQuery } from 'mongoose';
import {
  isObjectIdString,
  NOT_OPEN_STATUSES,
  OPEN311_PAGE_SIZE,
  OPEN_STATUSES,
  wgs84ToGcj02,
  type Open311Created,
  type Open311Discovery,
  type Open311PostForm,
  type Open311Request,
  type Open311RequestsQuery,
  type Open311Service,
  type Open311ServiceDefinition,
} from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { ListPages } from '../../common/list-pages';
import { CaseIntakeService } from '../cases/case-intake.service';
import { CaseLookup } from '../cases/case-lookup';
import { CategoryService } from '../cases/category.service';
import type { CaseDoc } from '../cases/case.model';
import type { CategoryDoc } from '../cases/category.model';
import { StationService } from '../stations/station.service';
import { IntegrationUsers } from '../hotline/integration-users';
import { requestRange, w3c } from './open311.dates';
import { toOpen311Request, toOpen311Service } from './open311.view';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** A bucket of the city list (25) plus slack: that many older-than-range cases in a row end the walk. */
const OLDER_RUN_TO_STOP = 50;

/** Open311 GeoReport v2 over our categories (services) and cases (service requests), public view only. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GeoReportService {
  @Inject()
  pages!: ListPages;

  @Inject()
  categories!: CategoryService;

  @Inject()
  cases!: CaseLookup;

  @Inject()
  stations!: StationService;

  @Inject()
  intake!: CaseIntakeService;

  @Inject()
  integrations!: IntegrationUsers;

  /**
   * The changeset is the start of the current UTC day: categories are data an
   * admin may edit at any time, so clients are told to refresh daily, and
   * every server process says the same.
   */
  discovery(baseUrl: string, now = new Date()): Open311Discovery {
    const changeset = w3c(new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000));
    return {
      changeset,
      contact: '城管进社区（CityCare）接口：请联系城管局系统管理员',
      key_service: '提交服务请求需要 api_key，由城管局系统管理员发放',
      endpoints: [{ specification: SPECIFICATION, url: `${baseUrl}/open311/v2`, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
    };
  }

  async services(): Promise<Open311Service[]> {
    const active = [...(await this.categories.all()).values()].filter((c) => c.active);
    return active.sort((a, b) => a.code.localeCompare(b.code)).map(toOpen311Service);
  }

  async definition(code: string): Promise<Open311ServiceDefinition> {
    return { service_code: (await this.activeService(code)).code, attributes: [] };
  }

  /**
   * Service requests newest first, a page at a time (page, page_size: 50 by
   * default, at most 1000), over the city's list of cases: a page reads a few
   * buckets of 25, never the whole collection.
   */
  async requests(q: Open311RequestsQuery, now = new Date()): Promise<Open311Request[]> {
    if (q.service_request_id) {
      // "This overrides all other arguments." An id that is not one of ours matches nothing.
      const ids = q.service_request_id.filter(isObjectIdString).map((id) => new Types.ObjectId(id));
      const found = await this.cases.byIds(ids);
      return this.views(ids.flatMap((id) => found.get(id.toHexString()) ?? []), now);
    }
    // Reused until a case changes anywhere in the city (common/list-pages.ts).
    const docs = await this.pages.read(`open311|${JSON.stringify(q)}`, [this.cases.listOf({ city: true })], () => this.page(q, now));
    return this.views(docs, now);
  }

  /** The cases of one page of a request list, newest first. */
  private async page(q: Open311RequestsQuery, now: Date): Promise<CaseDoc[]> {
    const { start, end } = requestRange(q.start_date, q.end_date, now);
    const size = q.page_size ?? OPEN311_PAGE_SIZE;
    const skip = ((q.page ?? 1) - 1) * size;
    const statuses = q.status?.length === 1 ? new Set<string>(q.status[0] === 'open' ? OPEN_STATUSES : NOT_OPEN_STATUSES) : null;
    const codes = q.service_code ? new Set(q.service_code) : null;
    const page: CaseDoc[] = [];
    let matched = 0;
    let olderRun = 0;
    // A range that ends now or later starts at the newest case; an older end is looked up.
    for await (const doc of this.cases.cityNewestFirst(end < now ? end : undefined)) {
      if (doc.createdAt < start) {
        // Positions follow time only roughly: stop after a whole bucket's worth older than the range.
        if (++olderRun >= OLDER_RUN_TO_STOP) break;
        continue;
      }
      olderRun = 0;
      if (doc.createdAt > end || (statuses && !statuses.has(doc.status)) || (codes && !codes.has(doc.category))) continue;
      if (matched++ < skip) continue;
      page.push(doc);
      if (page.length >= size) break;
    }
    return page;
  }

  async request(id: string): Promise<Open311Request[]> {
    const doc = await this.cases.load(id);
    if (!doc) throw new AppError('NOT_FOUND', '服务请求不存在');
    return this.views([doc], new Date());
  }

  /**
   * POST requests: a case from an Open311 client holding one of the hotline's
   * API keys (source `hotline`, reported by the open311 system user). lat/long
   * are WGS84 and stored as GCJ-02; the submitter's contact fields are not kept.
   */
  async create(form: Open311PostForm): Promise<Open311Created[]> {
    const category = await this.activeService(form.service_code);
    if (form.lat === undefined || form.long === undefined) {
      const message =
        form.address_string || form.address_id ? '需要 lat 和 long（WGS84）：本接口不做地址解析' : '缺少位置：请提供 lat 和 long（WGS84）';
      throw new AppError('INVALID_COORDINATES', message, [{ field: 'lat', code: 'INVALID_COORDINATES', message }]);
    }
    const point = wgs84ToGcj02({ lat: form.lat, lng: form.long });
    const reporter = await this.integrations.reporter('open311');
    const body = {
      category: category.code,
      description: form.description || category.name,
      photos: [],
      lat: point.lat,
      lng: point.lng,
      address: form.address_string || '（Open311 提交，见地图位置）',
      anonymous: false,
      publicDescription: false,
    };
    const doc = await this.intake.submit(reporter, body, `open311:${randomUUID()}`, 'hotline');
    const station = await this.stations.names([doc.stationId]);
    return [
      {
        service_request_id: doc._id.toHexString(),
        service_notice: `已登记，由${station.get(doc.stationId.toHexString()) ?? '城管工作站'}受理；受理时限 ${category.acceptHours} 小时，办结时限 ${category.resolveHours} 小时`,
        account_id: null,
      },
    ];
  }

  private async activeService(code: string): Promise<CategoryDoc> {
    const category = (await this.categories.all()).get(code);
    if (!category || !category.active) throw new AppError('NOT_FOUND', `服务类型 ${code} 不存在`);
    return category;
  }

  private async views(docs: CaseDoc[], now: Date): Promise<Open311Request[]> {
    if (!docs.length) return [];
    const [categories, stations] = await Promise.all([this.categories.all(), this.stations.names(docs.map((d) => d.stationId))]);
    return docs.map((doc) =>
      toOpen311Request(doc, {
        serviceName: categories.get(doc.category)?.name ?? null,
        agency: stations.get(doc.stationId.toHexString()) ?? null,
        latestReply: doc.lastReply,
        now,
      }),
    );
  }
}
