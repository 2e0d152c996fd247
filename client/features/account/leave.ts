import { account, clearCache, forgetSession } from '../../api';
import { forgetReadMarks } from '../notices/read-marks';
import { clearDraft } from '../report/draft';

/** Signing out: the token is dropped here whatever the server answers, and no answer of this account stays shown. */
export async function signOut(): Promise<void> {
  await account.logout().catch(() => undefined);
  forgetSession();
  clearCache();
}

/** The account was deleted (its token is dead): the phone forgets it too — session, answers, 随手拍 draft, read marks. */
export function forgetDeletedAccount(): void {
  forgetSession();
  clearCache();
  clearDraft();
  forgetReadMarks();
}
