import { ALL, Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createNoticeBody, managedNoticesQuery, noticeListQuery, updateNoticeBody } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { optionalIdempotencyKey } from '../../common/idempotency-key';
import { validate } from '../../common/validate';
import { sendPhoto } from '../media/send-photo';
import type { MediaVariant } from '../media/media-store';
import { NoticeAuthoringService } from './notice-authoring.service';
import { NoticeBoardService } from './notice-board.service';

/** Community notices (社区公告): residents read, secretaries and admins post. */
@Controller('/api/notices')
export class NoticeController {
  @Inject()
  ctx!: Context;

  @Inject()
  board!: NoticeBoardService;

  @Inject()
  authoring!: NoticeAuthoringService;

  @Get('/')
  async list(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    return this.board.list(user, validate(noticeListQuery, q));
  }

  @Get('/managed')
  async managed(@Query(ALL) q: unknown) {
    const user = requireUser(this.ctx);
    return this.authoring.managedList(user, validate(managedNoticesQuery, q));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.board.open(requireUser(this.ctx), id);
  }

  @Get('/:id/photos/:mediaId')
  async photo(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'full');
  }

  @Get('/:id/photos/:mediaId/thumb')
  async thumb(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'thumb');
  }

  @Post('/')
  async post(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    const notice = await this.authoring.post(user, validate(createNoticeBody, body), optionalIdempotencyKey(this.ctx));
    this.ctx.status = 201;
    return notice;
  }

  @Patch('/:id')
  async edit(@Param('id') id: string, @Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    return this.authoring.edit(user, id, validate(updateNoticeBody, body));
  }

  @Post('/:id/withdraw')
  async withdraw(@Param('id') id: string) {
    return this.authoring.withdraw(requireUser(this.ctx), id);
  }

  private async sendPhoto(id: string, mediaId: string, variant: MediaVariant) {
    sendPhoto(this.ctx, await this.board.photo(requireUser(this.ctx), id, mediaId, variant));
  }
}
