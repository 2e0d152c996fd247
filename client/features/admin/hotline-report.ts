import type { HotlineImportReport } from '@citycare/shared';

/**
 * The rejected rows of an imported CSV, as a CSV to fix and import again: the file's own header
 * and lines (a row may span lines inside quotes: it runs up to the next row's first line), with
 * the reason appended as a last column. The report numbers rows by the line they start on
 * (the header is line 1).
 */
export function rejectedRowsCsv(fileText: string, report: HotlineImportReport): string {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const starts = report.rows.map((r) => r.row).sort((a, b) => a - b);
  const endOf = (row: number) => {
    const next = starts.find((s) => s > row);
    let end = (next ?? lines.length + 1) - 1;
    while (end > row && !lines[end - 1]?.trim()) end -= 1; // blank lines at the end of the file
    return end;
  };
  const out = [`${lines[0]},reason`];
  for (const r of report.rows) {
    if (r.result !== 'rejected') continue;
    const text = lines.slice(r.row - 1, endOf(r.row)).join('\r\n');
    out.push(`${text},${quote(r.reason ?? '')}`);
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
