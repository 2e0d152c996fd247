import { account, clearCache, forgetSession } from '../../api';
import { forgetReadMarks } from '../notices/read-marks';
import { clearDraft } from '../report/draft';
import { restartAt } from '../../services/router';

/**
 * Signing out: the token is dropped here whatever the server answers, and nothing of this
 * account stays for the next person: no answer, no 随手拍 draft (text, place, photo ids), and
 * no page still showing them (every page is closed; 我的 opens afresh).
 */
export async function signOut(): Promise<void> {
  await account.logout().catch(() => undefined);
  forgetSession();
  clearCache();
  clearDraft();
  await restartAt('me');
}

/** The account was deleted (its token is dead): the phone forgets it too — session, answers, 随手拍 draft, read marks. */
export function forgetDeletedAccount(): void {
  forgetSession();
  clearCache();
  clearDraft();
  forgetReadMarks();
}
