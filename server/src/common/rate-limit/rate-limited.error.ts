import { AppError } from '../app-error';

/** 429 RATE_LIMITED with the seconds until the counter's window ends (Retry-After). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterS: number) {
    super('RATE_LIMITED');
    this.name = 'RateLimitedError';
    this.headers = { 'Retry-After': String(retryAfterS) };
  }
}
