import { csvField, csvLine } from './csv';

describe('csvField', () => {
  it('neutralizes cells a spreadsheet would run as formulas, full-width forms included', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvField('\tx')).toBe("'\tx");
  });

  it('leaves plain numbers alone: an E.164 phone is a value, not a formula', () => {
    expect(csvField('+5511999998888')).toBe('+5511999998888');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes separators and quotes (RFC 4180) and ends lines with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', null, new Date('2026-01-02T03:04:05Z')])).toBe(
      '"a,b","say ""hi""",,2026-01-02T03:04:05.000Z\r\n',
    );
  });
});
