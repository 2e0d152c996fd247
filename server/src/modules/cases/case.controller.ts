import { ALL, Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseRatingBody, caseSupplementBody, createCaseBody, myCasesQuery, nearbyCasesQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { requireIdempotencyKey } from '../../common/idempotency-key';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';
import { CaseActionsService } from './case-actions.service';

/** Residents (and secretaries) reporting, following and rating cases. */
@Controller('/api/cases')
export class CaseController {
  @Inject()
  ctx!: Context;

  @Inject()
  intake!: CaseIntakeService;

  @Inject()
  query!: CaseQueryService;

  @Inject()
  actions!: CaseActionsService;

  @Post('/')
  async create(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    authorize(user, 'case.create');
    const key = requireIdempotencyKey(this.ctx);
    const input = validate(createCaseBody, body);
    const source = user.role === 'secretary' ? 'whistle' : user.role === 'resident' ? 'miniprogram' : 'patrol';
    const doc = await this.intake.submit(user, input, key, source);
    this.ctx.status = 201;
    return this.query.render(user, doc, this.query.access.isStaffFor(user, doc) ? 'staff' : 'reporter');
  }

  @Get('/')
  async mine(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    const { scope, before, limit } = validate(myCasesQuery, q);
    return scope === 'following' ? this.query.following(user, before, limit) : this.query.mine(user, before, limit);
  }

  @Get('/nearby')
  async nearby(@Query(ALL) q: unknown) {
    return this.query.nearby(requireUser(this.ctx), validate(nearbyCasesQuery, q));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.query.detail(requireUser(this.ctx), id);
  }

  /** 我也遇到: follow an open case instead of reporting it again; answers it as a follower sees it. */
  @Post('/:id/follow')
  async follow(@Param('id') id: string) {
    const user = requireUser(this.ctx);
    const doc = await this.actions.follow(user, id);
    return this.query.detail(user, doc._id.toHexString());
  }

  /** 补充说明: the reporter adds text and photos to their open case. */
  @Post('/:id/supplements')
  async supplement(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const key = requireIdempotencyKey(this.ctx);
    const { text, photos } = validate(caseSupplementBody, body);
    const { doc, relation } = await this.query.visibleCase(user, id);
    const updated = await this.actions.supplement(user, doc, relation, { text, photos }, key);
    this.ctx.status = 201;
    return this.query.render(user, updated, relation);
  }

  @Post('/:id/rating')
  async rate(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const { score, comment } = validate(caseRatingBody, body);
    const { doc, relation } = await this.query.visibleCase(user, id);
    return this.query.render(user, await this.actions.rate(user, doc, score, comment), relation);
  }
}
