import { randomBytes } from 'node:crypto';
import { openPhone, sealPhone } from './phone-cipher';

const HEX_KEY = randomBytes(32).toString('hex');

describe('phone-cipher', () => {
  it('when a phone is sealed, then the stored text does not contain it and opens only with the same key and hotline id', () => {
    const sealed = sealPhone('13812345678', 'HA-1', HEX_KEY)!;
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('13812345678');
    expect(openPhone(sealed, 'HA-1', HEX_KEY)).toBe('13812345678');
    expect(() => openPhone(sealed, 'HA-2', HEX_KEY)).toThrow();
    expect(() => openPhone(sealed, 'HA-1', randomBytes(32).toString('hex'))).toThrow();
  });

  it('when the same phone is sealed twice, then the results differ (a fresh IV each time)', () => {
    expect(sealPhone('13812345678', 'HA-1', HEX_KEY)).not.toBe(sealPhone('13812345678', 'HA-1', HEX_KEY));
  });

  it('when the ciphertext is tampered with, then it does not open', () => {
    const [v, iv, tag, data] = sealPhone('13812345678', 'HA-1', HEX_KEY)!.split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => openPhone([v, iv, tag, flipped.toString('base64')].join(':'), 'HA-1', HEX_KEY)).toThrow();
  });

  it('when the key is base64, then it works too; when no key is configured, then nothing is stored', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(openPhone(sealPhone('010-1234567', 'X', b64)!, 'X', b64)).toBe('010-1234567');
    expect(sealPhone('13812345678', 'HA-1', '')).toBeNull();
  });

  it('when the key is malformed, then sealing fails loudly instead of storing the phone in the clear', () => {
    expect(() => sealPhone('13812345678', 'HA-1', 'too-short')).toThrow(/HOTLINE_PHONE_KEY/);
    expect(() => sealPhone('13812345678', 'HA-1', 'ab'.repeat(31))).toThrow(/HOTLINE_PHONE_KEY/);
  });
});
