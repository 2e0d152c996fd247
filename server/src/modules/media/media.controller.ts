import { Controller, Files, Get, Inject, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import type { UploadStreamFileInfo } from '@midwayjs/busboy';
import type { SignedPhoto } from '@citycare/shared';
import { requireUser } from '../../common/auth-user';
import { MediaService } from './media.service';
import type { MediaVariant } from './media-store';
import { PhotoUploadMiddleware, withPhoto } from './media.upload';
import type { UploadedMedia } from './media.view';
import { sendPhoto } from './send-photo';

@Controller('/api/media')
export class MediaController {
  @Inject()
  ctx!: Context;

  @Inject()
  media!: MediaService;

  /** multipart/form-data with one photo in the `file` field; its temporary file is gone when this returns. */
  @Post('/', { middleware: [PhotoUploadMiddleware] })
  async upload(@Files() files?: UploadStreamFileInfo[]): Promise<UploadedMedia> {
    const user = requireUser(this.ctx);
    const { created, media } = await withPhoto(this.ctx, files, (photo) => this.media.upload(user, photo));
    this.ctx.status = created ? 201 : 200;
    return media;
  }

  @Get('/:id')
  async full(@Param('id') id: string) {
    return this.send(id, 'full');
  }

  @Get('/:id/thumb')
  async thumb(@Param('id') id: string) {
    return this.send(id, 'thumb');
  }

  @Get('/:id/urls')
  async urls(@Param('id') id: string): Promise<SignedPhoto> {
    return this.media.signedUrls(requireUser(this.ctx), id);
  }

  /**
   * With `exp` and `sig` (a signed URL the API handed out) the URL is the
   * permission; without them the caller's token is checked against who may see
   * the photo. Either way the answer is private: no shared cache may keep it.
   */
  private async send(id: string, variant: MediaVariant) {
    const { exp, sig } = this.ctx.query;
    const file = exp !== undefined || sig !== undefined ? await this.media.openSigned(id, variant, exp, sig) : await this.media.open(requireUser(this.ctx), id, variant);
    sendPhoto(this.ctx, file);
  }
}
