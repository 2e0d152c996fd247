import { ALL, Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { listEventsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { PhotoAttachments } from '../media/photo-attachments.service';
import { sendPhoto } from '../media/send-photo';
import type { MediaVariant } from '../media/media-store';
import { EventQueryService } from './event-query.service';
import { EventStore } from './event-store';

/** Public: what is coming up, with seats left, and the events' photos. */
@Controller('/api/events')
export class EventController {
  @Inject()
  ctx!: Context;

  @Inject()
  query!: EventQueryService;

  @Inject()
  store!: EventStore;

  @Inject()
  photos!: PhotoAttachments;

  @Get('/')
  async upcoming(@Query(ALL) q: unknown) {
    return this.query.upcoming(validate(listEventsQuery, q));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.query.detail(id);
  }

  @Get('/:id/photos/:mediaId')
  async photo(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'full');
  }

  @Get('/:id/photos/:mediaId/thumb')
  async thumb(@Param('id') id: string, @Param('mediaId') mediaId: string) {
    return this.sendPhoto(id, mediaId, 'thumb');
  }

  private async sendPhoto(id: string, mediaId: string, variant: MediaVariant) {
    const event = await this.store.event(id);
    sendPhoto(this.ctx, await this.photos.open({ kind: 'event', id: event._id }, mediaId, variant));
  }
}
