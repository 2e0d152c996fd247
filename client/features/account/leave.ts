import { account, clearCache, forgetSession } from '../../api';
import { forgetReadMarks } from '../notices/read-marks';
import { clearDraft } from '../report/draft';
import { restartAt } from '../../services/router';

/**
 * Nothing of this account stays on the phone for the next person: its session, answers,
 * 随手拍 draft (text, place, photo ids) and which notices it read. (The open 随手拍 tab
 * empties itself when the session goes: useReportForm.)
 */
function forgetAccount(): void {
  forgetSession();
  clearCache();
  clearDraft();
  forgetReadMarks();
}

/**
 * Signing out: the token is dropped here whatever the server answers, the account is
 * forgotten, and no page still shows it (every page is closed; 我的 opens afresh).
 */
export async function signOut(): Promise<void> {
  await account.logout().catch(() => undefined);
  forgetAccount();
  await restartAt('me');
}

/** The account was deleted (its token is dead): the phone forgets it too; 返回首页 then closes every page (restartAt). */
export function forgetDeletedAccount(): void {
  forgetAccount();
}
