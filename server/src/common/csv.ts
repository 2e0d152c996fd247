/** Excel opens UTF-8 CSV as Chinese text only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null;
export type CsvQuoting = 'when-needed' | 'always';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break
 * (or always); a leading = + - @ tab or CR, which a spreadsheet would run as a
 * formula, is defused with an apostrophe.
 */
export function csvField(value: CsvValue, quoting: CsvQuoting = 'when-needed'): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return quoting === 'always' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole export: BOM, header, rows, CRLF after every line. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, quoting: CsvQuoting = 'when-needed'): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map((v) => csvField(v, quoting)).join(',')).join('\r\n') + '\r\n';
}
