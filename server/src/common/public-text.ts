import { maskPersonalNumbers } from '@citycare/shared';

/**
 * Who reads a free text (a reply, a notice, a description): `staff` — the
 * officers, leads and admins who handle the thing, or the secretary who manages
 * the notice — see it as written; everyone else (its reporter, followers,
 * residents, Open311 readers, the 12345 integration, a subscribe message) sees
 * phone and ID-card numbers masked. Stored text is never changed: the views
 * decide, through this one function.
 */
export type Readers = 'staff' | 'public';

export function textFor(readers: Readers, text: string): string {
  return readers === 'staff' ? text : maskPersonalNumbers(text);
}
