import { describe, expect, it } from 'vitest';
import { errorsByRow, parseSpendCsv } from './parseSpendCsv';

describe('parseSpendCsv', () => {
  it('reads the columns in any order and with semicolons', () => {
    const preview = parseSpendCsv(
      '\uFEFFspend;campaign;date;platform\r\n"1.234,50";lead_gen;2026-03-01;google_ads\r\n',
    );
    expect(preview.missing).toEqual([]);
    expect(preview.rows).toEqual([
      { number: 1, date: '2026-03-01', platform: 'google_ads', campaign: 'lead_gen', spend: '1.234,50' },
    ]);
  });

  it('names the missing columns', () => {
    expect(parseSpendCsv('date,campaign\n2026-03-01,x').missing).toEqual(['platform', 'spend']);
  });
});

describe('errorsByRow', () => {
  it('numbers the API errors like the data rows', () => {
    const errors = errorsByRow([
      { field: 'rows[2].spend', message: 'row 3: spend must be a number' },
      { message: 'row 5: unknown platform' },
      { message: 'something else' },
    ]);
    expect([...errors.entries()]).toEqual([
      [3, ['row 3: spend must be a number']],
      [5, ['row 5: unknown platform']],
    ]);
  });
});
