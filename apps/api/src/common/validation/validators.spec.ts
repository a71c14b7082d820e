import { isCalendarDate } from './calendar-date.decorator';
import { decimalPlaces } from './money.decorator';

describe('isCalendarDate', () => {
  it('takes existing YYYY-MM-DD days only', () => {
    expect(isCalendarDate('2026-01-31')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-03-01T00:00:00+14:00', '9999-12-31', '0001-01-01', 1, '']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
});

describe('decimalPlaces', () => {
  it('counts the decimals of plain and exponent forms', () => {
    expect(decimalPlaces(1500)).toBe(0);
    expect(decimalPlaces(12.5)).toBe(1);
    expect(decimalPlaces(0.01)).toBe(2);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-5)).toBe(6);
    expect(decimalPlaces(1e21)).toBe(0);
    expect(decimalPlaces(-3.25)).toBe(2);
  });
});
