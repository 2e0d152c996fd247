import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { CASE_STATUS_LABELS, chinaTime, type CaseStatus } from '@citycare/shared';
import { NotificationService } from '../notifications/notification.service';
import { UserService } from '../users/user.service';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import { audienceOf } from './case-audience';
import { textFor } from '../../common/public-text';
import { CaseStore } from './case-store';
import { CategoryService } from './category.service';

/** WeChat subscribe-message fields: a "thing" holds at most 20 characters. */
const THING_CHARS = 20;

/** Queues the subscribe messages a new timeline entry calls for (see `audienceOf`). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseNotifier {
  @Inject()
  store!: CaseStore;

  @Inject()
  notifications!: NotificationService;

  @Inject()
  users!: UserService;

  @Inject()
  categories!: CategoryService;

  async entryWritten(doc: CaseDoc, entry: Pick<CaseEventDoc, 'seq' | 'public' | 'actorId' | 'to' | 'text' | 'kind' | 'at'> & Partial<Pick<CaseEventDoc, 'score'>>): Promise<void> {
    const [merged, following] = await Promise.all([this.store.mergedReporters(doc._id), this.store.explicitFollowers(doc._id)]);
    const audience = audienceOf(doc, entry, { reporter: doc.reporterId, others: [...merged, ...following] });
    const id = doc._id.toHexString();
    const status = CASE_STATUS_LABELS[(entry.to ?? doc.status) as CaseStatus];
    const time = chinaTime(entry.at);
    const told = (what: string) => ({
      template: 'case_status' as const,
      dedupeKey: `case:${id}:${entry.seq}`,
      page: `pages/case/index?id=${id}`,
      data: {
        thing1: { value: what.slice(0, THING_CHARS) },
        phrase2: { value: status },
        thing3: { value: textFor('public', entry.text ?? status).slice(0, THING_CHARS) },
        time4: { value: time },
      },
    });
    if (audience.reporter) await this.notifications.enqueue([audience.reporter], told(doc.address));
    // Followers see the public view, which has no address (case.view.ts): their message names the kind of problem instead.
    if (audience.others.length) await this.notifications.enqueue(audience.others, told((await this.categories.all()).get(doc.category)?.name ?? '您关注的问题'));
    if (!audience.staff) return;
    await this.notifications.enqueue(await this.users.staffOf(doc.stationId), {
      template: 'case_staff',
      dedupeKey: `case-staff:${id}:${entry.seq}`,
      page: `pages/staff/case/index?id=${id}`,
      data: {
        thing1: { value: doc.address.slice(0, THING_CHARS) },
        // Never the resident's own words: a message can be read on a locked phone, and outlives their account.
        thing2: { value: entry.kind === 'rating' ? `居民评价 ${entry.score ?? ''} 星` : '居民补充了说明' },
        time3: { value: time },
      },
    });
  }
}
