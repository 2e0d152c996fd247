import { ALL, Controller, Get, Inject, Param, Query } from '@midwayjs/core';
import { listEventsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { EventQueryService } from './event-query.service';

/** Public: what is coming up, with seats left. */
@Controller('/api/events')
export class EventController {
  @Inject()
  query!: EventQueryService;

  @Get('/')
  async upcoming(@Query(ALL) q: unknown) {
    return this.query.upcoming(validate(listEventsQuery, q));
  }

  @Get('/:id')
  async detail(@Param('id') id: string) {
    return this.query.detail(id);
  }
}
