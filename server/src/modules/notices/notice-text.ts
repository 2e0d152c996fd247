import { AppError } from '../../common/app-error';
import type { WechatClient } from '../wechat/wechat.client';

/** msg_sec_check takes at most 2,500 characters a call; a notice body may hold 5,000. */
const CHECK_CHARS = 2500;
/** Windows overlap, so a phrase cut at a boundary is still seen whole in one of them. */
const OVERLAP_CHARS = 50;

/** Runs the content check over the whole text, window by window; the first risky window refuses it. */
export async function checkNoticeText(wechat: WechatClient, text: string, openid: string): Promise<void> {
  for (let start = 0; ; start += CHECK_CHARS - OVERLAP_CHARS) {
    const verdict = await wechat.checkText(text.slice(start, start + CHECK_CHARS), openid, 2);
    if (verdict.suggest === 'risky') throw new AppError('CONTENT_RISKY', `内容未通过安全检测（${verdict.reason}），请修改后再提交`);
    if (start + CHECK_CHARS >= text.length) return;
  }
}
