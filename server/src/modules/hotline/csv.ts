/**
 * A small RFC 4180 reader for the hotline import: comma-separated, fields may
 * be quoted ("…", with "" for a quote inside, and line breaks allowed inside
 * quotes), CRLF or LF line ends, an optional UTF-8 BOM. A quote inside an
 * unquoted field is kept as a character, as spreadsheets do.
 *
 * A malformed record never stops the reading: it is returned as an error with
 * the line it starts on, and reading resumes on the line after that one. (A
 * stray quote would otherwise swallow the lines after it into one field; the
 * lines it spanned are read again as records of their own.)
 */
const QUOTE_ERROR = '引号不成对（字段内的引号要写成两个 ""）';

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const result = readRecord(text, pos, line);
    if ('error' in result) {
      records.push({ line, error: result.error });
      pos = result.resumeAt;
      line = result.resumeLine;
      continue;
    }
    const blank = result.fields.length === 1 && result.fields[0] === '';
    if (!blank) records.push({ line, fields: result.fields });
    pos = result.next;
    line = result.nextLine;
  }
  return records;
}

type ReadResult =
  | { fields: string[]; next: number; nextLine: number }
  | { error: string; resumeAt: number; resumeLine: number };

function readRecord(text: string, start: number, startLine: number): ReadResult {
  const fields: string[] = [];
  let pos = start;
  let line = startLine;
  for (;;) {
    let value = '';
    if (text[pos] === '"') {
      pos += 1;
      for (;;) {
        const quote = text.indexOf('"', pos);
        if (quote < 0) return skipLine(text, start, startLine, QUOTE_ERROR);
        value += text.slice(pos, quote);
        line += countLines(text, pos, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          pos = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
      if (pos < text.length && text[pos] !== ',' && text[pos] !== '\n' && text[pos] !== '\r') {
        return skipLine(text, start, startLine, QUOTE_ERROR);
      }
    } else {
      let end = pos;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end += 1;
      value = text.slice(pos, end);
      pos = end;
    }
    fields.push(value);
    if (text[pos] === ',') {
      pos += 1;
      continue;
    }
    // End of the record: CRLF, LF, a lone CR, or the end of the text.
    if (text[pos] === '\r') pos += 1;
    if (text[pos] === '\n') pos += 1;
    return { fields, next: pos, nextLine: line + 1 };
  }
}

/** Give up on the record that starts at `from`: resume after its first line break. */
function skipLine(text: string, from: number, fromLine: number, error: string): ReadResult {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  const brk = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (brk < 0) return { error, resumeAt: text.length, resumeLine: fromLine };
  const resumeAt = text[brk] === '\r' && text[brk + 1] === '\n' ? brk + 2 : brk + 1;
  return { error, resumeAt, resumeLine: fromLine + 1 };
}

/** Line breaks in text[from, to): CRLF, LF and lone CR each count once. */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    if (text[i] === '\n') n += 1;
    else if (text[i] === '\r' && text[i + 1] !== '\n') n += 1;
  }
  return n;
}
