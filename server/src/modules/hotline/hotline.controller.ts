import { ALL, Body, Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { HOTLINE_IMPORT_MAX_BYTES, hotlineCaseBody, hotlineId } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { readTextBody } from '../../common/raw-body';
import { validate } from '../../common/validate';
import { requireApiKey } from './api-key';
import { HotlineService } from './hotline.service';
import { HotlineImportService } from './hotline-import.service';

/** The 12345 hotline's own door: X-Api-Key, no user session. */
@Controller('/api/hotline')
export class HotlineController {
  @Inject()
  ctx!: Context;

  @Inject()
  hotline!: HotlineService;

  @Post('/cases')
  async receive(@Body(ALL) body: unknown) {
    requireApiKey(this.ctx.get('X-Api-Key'));
    const input = validate(hotlineCaseBody, body);
    const received = await this.hotline.receive(input, { channel: 'api' });
    this.ctx.status = received.created ? 201 : 200;
    return received.created ? this.hotline.statusOfNew(received.record, received.doc) : this.hotline.statusOf(received.record);
  }

  @Get('/cases/:hotlineId')
  async status(@Param('hotlineId') id: string) {
    requireApiKey(this.ctx.get('X-Api-Key'));
    if (!hotlineId.safeParse(id).success) throw new AppError('HOTLINE_CASE_NOT_FOUND');
    return this.hotline.status(id);
  }
}

/** Admins importing a CSV export of 12345 cases. */
@Controller('/api/admin/hotline')
export class HotlineAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  importer!: HotlineImportService;

  @Post('/import')
  async import() {
    const user = requireUser(this.ctx);
    authorize(user, 'hotline.import');
    if (!this.ctx.is('text/csv')) throw new AppError('VALIDATION_FAILED', '请以 Content-Type: text/csv 上传 UTF-8 编码的 CSV 文件');
    const csv = await readTextBody(this.ctx, HOTLINE_IMPORT_MAX_BYTES, 'CSV 文件不能超过 2 MB');
    return this.importer.import(csv, user);
  }
}
