import { parseCsv } from './csv';

const QUOTE_ERROR = '引号不成对（字段内的引号要写成两个 ""）';

describe('parseCsv', () => {
  it('when fields are plain, then each line is a record with its line number', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('when the file has a BOM and CRLF line ends, then neither shows up in the fields', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('when a field is quoted, then commas, escaped quotes and line breaks inside it are kept', () => {
    const records = parseCsv('id,text\n1,"门口, 有人说""快来""\r\n第二行"\n2,x');
    expect(records).toEqual([
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', '门口, 有人说"快来"\r\n第二行'] },
      { line: 4, fields: ['2', 'x'] },
    ]);
  });

  it('when fields are empty or the last line has no line end, then empty strings and the last record are kept', () => {
    expect(parseCsv('a,,""\n,\nz')).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: ['', ''] },
      { line: 3, fields: ['z'] },
    ]);
  });

  it('when lines are blank, then they are skipped but still counted', () => {
    expect(parseCsv('a\n\n\r\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('when a quote is never closed, then that record is an error and reading resumes on the next line', () => {
    expect(parseCsv('1,"open\n2,ok')).toEqual([
      { line: 1, error: QUOTE_ERROR },
      { line: 2, fields: ['2', 'ok'] },
    ]);
  });

  it('when a stray quote would swallow the next lines into one field, then only its own line is rejected', () => {
    expect(parseCsv('h\n1,"unclosed,x\n2,ok\n3,"fine"\n')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, error: QUOTE_ERROR },
      { line: 3, fields: ['2', 'ok'] },
      { line: 4, fields: ['3', 'fine'] },
    ]);
  });

  it('when text follows a closing quote, then that record is an error and the next line is read', () => {
    expect(parseCsv('1,"a"b,c\n2,d')).toEqual([
      { line: 1, error: QUOTE_ERROR },
      { line: 2, fields: ['2', 'd'] },
    ]);
  });

  it('when a quote sits inside an unquoted field, then it is kept as a character', () => {
    expect(parseCsv('他说"快来"了,b')).toEqual([{ line: 1, fields: ['他说"快来"了', 'b'] }]);
  });

  it('when the input is empty or only a BOM, then there are no records', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});
