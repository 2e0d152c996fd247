/**
 * Phone and ID-card numbers in free text (replies, notices, descriptions) as
 * everyone but staff sees them. Pure; no lookbehind in the patterns, since
 * older WeChat JavaScript engines reject it and shared code reaches the client.
 *
 * Masked: mainland mobiles (1[3-9] + 9 digits, spaces or dashes between the
 * groups, an optional +86 / 0086 / (+86) before), landlines with an area code
 * (021-12345678, (0571)8888 8888, 0513 8888888), ID-card numbers (18 digits,
 * the last may be X; 15 digits), full-width digits as well. A number that is
 * only part of a longer run of digits or letters (a case number, an object
 * id, a date run like 20251130) is left alone.
 */

const BIRTH = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID18 = `[1-9]\\d{5}(?:18|19|20)\\d{2}${BIRTH}\\d{3}[\\dXx]`;
const ID15 = `[1-9]\\d{5}\\d{2}${BIRTH}\\d{3}`;
const MOBILE_PREFIX = '\\(?(?:\\+|00)86\\)?[ -]?';
const MOBILE = '1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}';
const AREA = '(?:\\(0[1-9]\\d{1,2}\\)|0[1-9]\\d{1,2}[ -]?)';
const LOCAL = '[1-9]\\d{2,3}[ -]?\\d{4}';

/** Groups: 1 ID-card, 2 mobile prefix, 3 mobile, 4 area code, 5 local number. */
const NUMBER = new RegExp(`(${ID18}|${ID15})|(${MOBILE_PREFIX})?(${MOBILE})|(${AREA})(${LOCAL})`, 'g');

/** Full-width digits, plus, dash, parentheses and space as their ASCII twins (one code unit each, so indexes hold). */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF08\uFF09\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const WORD_CHAR = /[0-9A-Za-z]/;

/** `part` of `original` with its digits (and a final X) starred except the first `keepHead` and the last four; separators stay. */
function starDigits(original: string, normal: string, keepHead: number): string {
  const total = (normal.match(/[\dXx]/g) ?? []).length;
  let seen = 0;
  let out = '';
  for (let i = 0; i < normal.length; i++) {
    if (!/[\dXx]/.test(normal[i])) {
      out += original[i];
      continue;
    }
    out += seen < keepHead || seen >= total - 4 ? original[i] : '*';
    seen++;
  }
  return out;
}

/** `text` with every phone and ID-card number masked: 139****5678, 021-****5678, 320***********123X. */
export function maskPersonalNumbers(text: string): string {
  const normal = halfWidth(text);
  const pattern = new RegExp(NUMBER.source, 'g');
  let out = '';
  let copied = 0;
  for (let m = pattern.exec(normal); m; m = pattern.exec(normal)) {
    const start = m.index;
    const end = start + m[0].length;
    const standsAlone = (start === 0 || !WORD_CHAR.test(normal[start - 1])) && (end === normal.length || !WORD_CHAR.test(normal[end]));
    if (!standsAlone) {
      // Part of a longer number or word: try again from the next character.
      pattern.lastIndex = start + 1;
      continue;
    }
    // The prefix (+86) or the area code stays as written; the number itself is starred.
    const kept = (m[2] ?? m[4] ?? '').length;
    const from = start + kept;
    const keepHead = m[4] !== undefined ? 0 : 3;
    out += text.slice(copied, from) + starDigits(text.slice(from, end), normal.slice(from, end), keepHead);
    copied = end;
  }
  return out + text.slice(copied);
}
