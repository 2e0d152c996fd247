// WeChat's APIs (and Taro's for H5) reject with a plain `{ errMsg: "api:fail …" }`, not an Error.
// Reading it, and telling "the person closed the sheet" from a failure, happen here only.

/** The `errMsg` of a WeChat API failure (an Error's message, or the value itself, otherwise). */
export function errMsgOf(failure: unknown): string {
  return String((failure as { errMsg?: string } | null)?.errMsg ?? (failure as Error | null)?.message ?? failure ?? '');
}

/** The person closed WeChat's sheet (scanner, dialler, map, chat picker): not a failure, nothing to say. */
export function isCancelled(failure: unknown): boolean {
  return /cancel/i.test(errMsgOf(failure));
}
