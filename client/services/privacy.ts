import Taro from '@tarojs/taro';

// WeChat's privacy check (__usePrivacyCheck__ in app.json): a privacy API (getLocation,
// chooseMedia, chooseLocation, the phone button…) waits until we answer
// onNeedPrivacyAuthorization. Our own popup (components/PrivacyPopup) shows the question and
// answers through here. weapp only: H5 has no such check.

export type PrivacyAnswer = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pending: PrivacyAnswer | null = null;
const listeners = new Set<(asking: boolean) => void>();

function setPending(answer: PrivacyAnswer | null): void {
  pending = answer;
  listeners.forEach((listener) => listener(answer !== null));
}

export function onPrivacyQuestion(listener: (asking: boolean) => void): () => void {
  listeners.add(listener);
  listener(pending !== null);
  return () => listeners.delete(listener);
}

/** Called once at app start. */
export function installPrivacyCheck(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyAnswer) => void) => void };
  if (typeof taro.onNeedPrivacyAuthorization !== 'function') return; // base library < 2.32.3
  taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    setPending(resolve);
  });
}

export function answerPrivacy(agree: boolean): void {
  const answer = pending;
  setPending(null);
  answer?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}

/** weapp: WeChat's page with the privacy guide the mini-program registered. */
export function openPrivacyContract(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const taro = Taro as unknown as { openPrivacyContract?: (o: object) => void };
  taro.openPrivacyContract?.({});
}
