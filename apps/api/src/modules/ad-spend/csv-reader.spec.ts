import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv-reader';

describe('parseCsv', () => {
  it('reads plain records with CRLF, LF or CR line ends and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,4\r5,6\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });

  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes, and a BOM', () => {
    const records = parseCsv('\uFEFFname,note\n"Silva, João","diz ""oi""\nsegunda linha"\nx,""\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Silva, João', 'diz "oi"\nsegunda linha'] },
      { line: 4, fields: ['x', ''] },
    ]);
  });

  it('keeps empty fields and a last record without a line break', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', '', ''] },
    ]);
  });

  it('detects semicolon and tab delimiters from the header', () => {
    expect(detectDelimiter('date;platform;campaign;spend')).toBe(';');
    expect(detectDelimiter('date\tplatform\tcampaign')).toBe('\t');
    expect(detectDelimiter('date,platform')).toBe(',');
    expect(parseCsv('a;b\n"1,5";2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', '2'] },
    ]);
  });

  it('names the line of malformed input', () => {
    expect(() => parseCsv('a,b\n"open,2\n3,4')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a,b\n"x"y,2')).toThrow(/line 2: unexpected text after a closing quote/);
  });
});
