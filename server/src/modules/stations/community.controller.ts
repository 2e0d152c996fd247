import { Controller, Get, Inject } from '@midwayjs/core';
import type { CommunityList } from '@citycare/shared';
import { StationService } from './station.service';

/** Public: the communities residents may choose (notices follow the community). */
@Controller('/api/communities')
export class CommunityController {
  @Inject()
  stations!: StationService;

  @Get('/')
  async list(): Promise<CommunityList> {
    return { items: await this.stations.communities() };
  }
}
