import { ALL, Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseRatingBody, createCaseBody, myCasesQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { AppError } from '../../common/app-error';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';
import { CaseActionsService } from './case-actions.service';

/** Residents (and secretaries) reporting and following their own cases. */
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
    const key = this.ctx.get('Idempotency-Key');
    if (!/^[\w-]{8,64}$/.test(key)) {
      throw new AppError('VALIDATION_FAILED', '缺少有效的 Idempotency-Key 请求头', [
        { field: 'Idempotency-Key', code: 'VALIDATION_FAILED', message: '8–64 个字母、数字、- 或 _' },
      ]);
    }
    const input = validate(createCaseBody, body);
    const source = user.role === 'secretary' ? 'whistle' : user.role === 'resident' ? 'miniprogram' : 'patrol';
    const doc = await this.intake.submit(user, input, key, source);
    this.ctx.status = 201;
    return this.query.render(user, doc, this.query.access.isStaffFor(user, doc));
  }

  @Get('/')
  async mine(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    const { before, limit } = validate(myCasesQuery, q);
    return this.query.mine(user, before, limit);
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.query.detail(requireUser(this.ctx), id);
  }

  @Post('/:id/rating')
  async rate(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const { score, comment } = validate(caseRatingBody, body);
    const { doc, staff } = await this.query.visibleCase(user, id);
    return this.query.render(user, await this.actions.rate(user, doc, score, comment), staff);
  }
}
