import { ALL, Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseMoveBody, caseReplyBody, queueQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { AppError } from '../../common/app-error';
import { optionalIdempotencyKey } from '../../common/idempotency-key';
import { CaseQueryService } from './case-query.service';
import { CaseMovesService } from './case-moves.service';
import { CaseActionsService } from './case-actions.service';
import type { CaseDoc } from './case.model';

/** Officers and leads working their station's queue. */
@Controller('/api/staff/cases')
export class StaffCaseController {
  @Inject()
  ctx!: Context;

  @Inject()
  query!: CaseQueryService;

  @Inject()
  moves!: CaseMovesService;

  @Inject()
  actions!: CaseActionsService;

  @Get('/')
  async queue(@Query(ALL) q: unknown) {
    return this.query.queue(requireUser(this.ctx), validate(queueQuery, q));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    const user = requireUser(this.ctx);
    const { doc, relation, entries } = await this.query.visibleCase(user, id);
    if (relation !== 'staff') throw new AppError('CASE_NOT_FOUND');
    return this.query.render(user, doc, 'staff', entries);
  }

  @Post('/:id/moves')
  async move(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const { move, ...input } = validate(caseMoveBody, body);
    const moved = await this.moves.apply(await this.staffCase(id), move, user, input);
    // After a transfer the case belongs to another station: say where it went instead of 404.
    if (!this.query.access.isStaffFor(user, moved)) {
      return { case: null, moved: { id, status: moved.status, stationId: moved.stationId.toHexString() } };
    }
    return this.query.render(user, moved, 'staff');
  }

  @Post('/:id/replies')
  async reply(@Param('id') id: string, @Body(ALL) body: unknown) {
    return this.comment(id, body, false);
  }

  @Post('/:id/notes')
  async note(@Param('id') id: string, @Body(ALL) body: unknown) {
    return this.comment(id, body, true);
  }

  /** 拨打: the number is given only at the moment of calling, never on the page. */
  @Post('/:id/reporter-phone')
  async reporterPhone(@Param('id') id: string) {
    const user = requireUser(this.ctx);
    const phone = await this.query.reporterPhone(await this.staffCase(id));
    this.ctx.logger.info(`reporter phone revealed: case ${id} to user ${user.id}`);
    return { phone };
  }

  private async comment(id: string, body: unknown, internal: boolean) {
    const user = requireUser(this.ctx);
    const { text, photos } = validate(caseReplyBody, body);
    const updated = await this.actions.comment(user, await this.staffCase(id), text, photos, internal, optionalIdempotencyKey(this.ctx));
    this.ctx.status = 201;
    return this.query.render(user, updated, 'staff');
  }

  /** Staff routes answer 404 for cases outside the caller's station, like any unseen case. */
  private async staffCase(id: string): Promise<CaseDoc> {
    const { doc, relation } = await this.query.visibleCase(requireUser(this.ctx), id);
    if (relation !== 'staff') throw new AppError('CASE_NOT_FOUND');
    return doc;
  }
}
