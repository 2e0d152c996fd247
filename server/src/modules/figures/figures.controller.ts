import { ALL, Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { figureGroupsQuery, figuresQuery, overdueCasesQuery } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { csvDocument } from '../../common/csv';
import { validate } from '../../common/validate';
import { FiguresService } from './figures.service';
import { FIGURE_GROUPS_CSV_HEADER, figureGroupsCsvRows, FigureGroupsService } from './figure-groups.service';
import { StationRecordService } from './station-record.service';

/** 三率: response, closure and satisfaction rates for a station, a community or the city. */
@Controller('/api/figures')
export class FiguresController {
  @Inject()
  ctx!: Context;

  @Inject()
  figures!: FiguresService;

  @Inject()
  groups!: FigureGroupsService;

  @Inject()
  records!: StationRecordService;

  @Get('/')
  async get(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    return this.figures.figures(user, validate(figuresQuery, q));
  }

  /** A station's record for residents (the station page): public, counts and rates only. */
  @Get('/stations/:id')
  async stationRecord(@Param('id') id: string) {
    return this.records.record(id);
  }

  /** The city's 三率 per station, community, category or source (admins). */
  @Get('/groups')
  async byGroup(@Query(ALL) q: unknown) {
    return this.groups.groups(requireUser(this.ctx), validate(figureGroupsQuery, q));
  }

  @Get('/groups.csv')
  async byGroupCsv(@Query(ALL) q: unknown) {
    const res = await this.groups.groups(requireUser(this.ctx), validate(figureGroupsQuery, q));
    this.ctx.set('Content-Type', 'text/csv; charset=utf-8');
    this.ctx.set('Content-Disposition', `attachment; filename="figures-${res.by}-${res.from}-${res.to}.csv"`);
    return csvDocument(FIGURE_GROUPS_CSV_HEADER, figureGroupsCsvRows(res));
  }

  /** A station's open cases late now (admins). */
  @Get('/overdue')
  async overdue(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    return this.groups.overdue(user, validate(overdueCasesQuery, q).stationId);
  }
}
