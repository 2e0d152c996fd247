import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AppError } from '../../common/app-error';
import { WechatClient } from './wechat.client';

/** msg_sec_check takes at most 2,500 characters a call; a notice body may hold 5,000. */
const CHECK_CHARS = 2500;
/** Windows overlap, so a phrase cut at a boundary is still seen whole in one of them. */
const OVERLAP_CHARS = 50;
/** msg_sec_check scene 2: comments and other user content shown to others. */
const SCENE_PUBLISHED = 2;

/**
 * Text that others will read (case descriptions, notices, zones, events,
 * patrol notes) passes WeChat's content check first: the one place that
 * turns a risky verdict into CONTENT_RISKY.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ContentCheck {
  @Inject()
  wechat!: WechatClient;

  /** Checks the texts together, window by window; the first risky window refuses them all. */
  async assertPublishable(openid: string, texts: ReadonlyArray<string | null | undefined>): Promise<void> {
    const text = texts.filter(Boolean).join('\n');
    for (let start = 0; start < text.length; start += CHECK_CHARS - OVERLAP_CHARS) {
      const verdict = await this.wechat.checkText(text.slice(start, start + CHECK_CHARS), openid, SCENE_PUBLISHED);
      if (verdict.suggest === 'risky') throw new AppError('CONTENT_RISKY', `内容未通过安全检测（${verdict.reason}），请修改后再提交`);
      if (start + CHECK_CHARS >= text.length) return;
    }
  }
}
