import { ALL, Controller, Get, Inject, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { figuresQuery } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { validate } from '../../common/validate';
import { FiguresService } from './figures.service';

/** 三率: response, closure and satisfaction rates for a station, a community or the city. */
@Controller('/api/figures')
export class FiguresController {
  @Inject()
  ctx!: Context;

  @Inject()
  figures!: FiguresService;

  @Get('/')
  async get(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    return this.figures.figures(user, validate(figuresQuery, q));
  }
}
