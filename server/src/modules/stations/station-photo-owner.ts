import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Types } from 'mongoose';
import type { PhotoOwner } from '../media/photo-owner';
import { StationAdminService } from './station-admin.service';

/** The photos on a station's wall of officers on duty are public, like the wall itself. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StationPhotoOwner implements PhotoOwner {
  readonly kind = 'station';

  @Inject()
  stations!: StationAdminService;

  async canView(_viewer: unknown, id: Types.ObjectId): Promise<boolean> {
    return this.exists(id);
  }

  exists(id: Types.ObjectId): Promise<boolean> {
    return this.stations.exists(id);
  }
}
