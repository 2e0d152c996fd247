import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Migration } from '../manifest';
import type { CheckinDoc } from './checkin.model';
import { EventStore } from './event-store';

/** Bookings checked in before bookings carried `checkedInAt` get it from their check-in. Safe to run again. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CheckinCopiesMigration implements Migration {
  readonly name = 'booking-checked-in-at-v1';

  @Inject()
  store!: EventStore;

  async run(): Promise<number> {
    let copied = 0;
    for await (const checkin of this.store.checkins.find().lean<CheckinDoc[]>().cursor() as AsyncIterable<CheckinDoc>) {
      await this.store.bookings.updateOne({ _id: checkin.bookingId }, { $set: { checkedInAt: checkin.at } });
      copied += 1;
    }
    return copied;
  }
}
