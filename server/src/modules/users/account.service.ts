import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import type { MeResponse, MyDataExport } from '@citycare/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../../common/auth-user';
import { StationService } from '../stations/station.service';
import type { PersonalDataHolder } from './personal-data';
import { toMe, UserService } from './user.service';

/** The resident's own account: their community, their data as a file, and deleting it all. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AccountService {
  @Inject()
  users!: UserService;

  @Inject()
  stations!: StationService;

  private readonly holders: PersonalDataHolder[] = [];

  registerHolder(holder: PersonalDataHolder): void {
    this.holders.push(holder);
  }

  /** A resident chooses the community whose notices they read; it must be one a station serves. */
  async setCommunity(user: AuthUser, community: string): Promise<MeResponse> {
    if (user.role !== 'resident') throw new AppError('FORBIDDEN', '工作人员的社区由管理员设置');
    if (!(await this.stations.communities()).some((c) => c.name === community)) throw new AppError('COMMUNITY_NOT_FOUND');
    return toMe(await this.users.setCommunity(user.id, community));
  }

  /** Everything held about the caller, section by section from each module. */
  async export(user: AuthUser): Promise<MyDataExport> {
    const userId = new Types.ObjectId(user.id);
    const me = toMe(await this.users.getById(user.id));
    const sections = await Promise.all(this.holders.map((h) => h.export(userId)));
    return Object.assign({ exportedAt: new Date().toISOString(), user: me }, ...sections) as MyDataExport;
  }

  /**
   * Deletes a resident's account: every module removes or anonymises what it
   * holds, then the user document goes. Staff accounts are closed by an admin.
   */
  async erase(user: AuthUser): Promise<void> {
    if (user.role !== 'resident') throw new AppError('FORBIDDEN', '工作人员账号请联系管理员注销');
    const userId = new Types.ObjectId(user.id);
    for (const holder of this.holders) await holder.erase(userId);
    await this.users.remove(userId);
  }
}
