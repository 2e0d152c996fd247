import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { Migration } from '../manifest';
import { phoneTailOf, type UserDoc } from './user.model';
import { UserService } from './user.service';

/** Users who bound a phone before user search existed get its last 4 digits (`phoneTail`). Safe to run again. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PhoneTailMigration implements Migration {
  readonly name = 'user-phone-tail-v1';

  @Inject()
  users!: UserService;

  async run(): Promise<number> {
    let set = 0;
    const cursor = this.users.users.find().select('phone phoneTail').lean<UserDoc[]>().cursor() as AsyncIterable<UserDoc>;
    for await (const user of cursor) {
      if (!user.phone || user.phoneTail) continue;
      await this.users.users.updateOne({ _id: user._id }, { $set: { phoneTail: phoneTailOf(user.phone) } });
      set += 1;
    }
    return set;
  }
}
