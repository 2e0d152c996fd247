import { randomInt } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '@citycare/shared';

/**
 * A new booking code: 8 characters from an alphabet without 0/O/1/I/L
 * (31^8 ≈ 8.5 × 10^11 codes), from the CSPRNG so codes cannot be guessed
 * from one another. Uniqueness is the unique index's job.
 */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return code;
}

/**
 * A code as an officer typed or scanned it ("ab7k-m2pq ", a QR payload):
 * upper-cased, spaces and dashes dropped; null when it cannot be a code.
 */
export function normalizeBookingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== BOOKING_CODE_LENGTH) return null;
  for (const ch of code) if (!BOOKING_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
