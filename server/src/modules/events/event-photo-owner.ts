import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { PhotoOwner } from '../media/photo-owner';
import { EventStore } from './event-store';

/** Open days and meetings are public, and so are their photos. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EventPhotoOwner implements PhotoOwner {
  readonly kind = 'event';

  @Inject()
  store!: EventStore;

  async canView(_viewer: unknown, id: Types.ObjectId): Promise<boolean> {
    return this.exists(id);
  }

  async exists(id: Types.ObjectId): Promise<boolean> {
    return !!(await this.store.events.exists({ _id: id }));
  }
}
