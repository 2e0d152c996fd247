/** What the token endpoint hands out. */
export interface IssuedToken {
  accessToken: string;
  expiresInS: number;
}

/** Refresh this long before WeChat says the token expires (its own overlap window is 5 min). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The app's one access_token, cached until shortly before it expires. Only
 * one fetch runs at a time: concurrent callers share the in-flight promise,
 * so a burst of requests (or of 40001 retries) costs one token call.
 * The token is a credential: it stays in here and in request URLs, never in logs.
 */
export class AccessTokenCache {
  private current?: { token: string; refreshAt: number };
  private inFlight?: Promise<string>;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * WeChat refused `token` (40001/42001). Forget it, unless another caller
   * already replaced it, so that many callers with one stale token cause one refresh.
   */
  reject(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async refresh(): Promise<string> {
    const issuedAt = this.now();
    const { accessToken, expiresInS } = await this.fetchToken();
    const lifetimeMs = expiresInS * 1000;
    // A short-lived token (WeChat guarantees ≥ 300 s) is kept for half its life instead.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.current = { token: accessToken, refreshAt: issuedAt + lifetimeMs - margin };
    return accessToken;
  }
}
