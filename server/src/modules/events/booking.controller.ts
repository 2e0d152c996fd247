import { ALL, Body, Controller, Get, Inject, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { createBookingBody } from '@citycare/shared';
import { validate } from '../../common/validate';
import { requireUser } from '../../common/auth-user';
import { authorize } from '../../common/permissions';
import { BookingService } from './booking.service';
import { BookingQueryService } from './booking-query.service';

/** A resident's bookings: book a session, see them, cancel one. */
@Controller('/api/bookings')
export class BookingController {
  @Inject()
  ctx!: Context;

  @Inject()
  bookings!: BookingService;

  @Inject()
  query!: BookingQueryService;

  @Post('/')
  async book(@Body(ALL) body: unknown) {
    const user = requireUser(this.ctx);
    authorize(user, 'event.book');
    const { sessionId, partySize } = validate(createBookingBody, body);
    const booking = await this.bookings.book(user, sessionId, partySize);
    this.ctx.status = 201;
    return this.query.fresh(booking);
  }

  @Get('/')
  async mine() {
    return this.query.mine(requireUser(this.ctx));
  }

  @Get('/:id')
  async one(@Param('id') id: string) {
    return this.query.one(requireUser(this.ctx), id);
  }

  @Post('/:id/cancel')
  async cancel(@Param('id') id: string) {
    const user = requireUser(this.ctx);
    await this.bookings.cancel(user, id);
    return this.query.one(user, id);
  }
}
