import { addCalendar, ratio, round, truncateDay } from './report-math';

describe('report math', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.675, 2)).toBe(2.68);
    expect(round(83.33333, 2)).toBe(83.33);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(1e-7, 2)).toBe(0);
  });

  it('never divides by zero', () => {
    expect(ratio(10, 0, 2)).toBeNull();
    expect(ratio(null, 5, 2)).toBeNull();
    expect(ratio(10, null, 2)).toBeNull();
    expect(ratio(0, 5, 2)).toBe(0);
    expect(ratio(250, 3, 2)).toBe(83.33);
  });

  it('walks calendar days, ISO weeks and months', () => {
    expect(addCalendar('2026-02-28', 'day', 1)).toBe('2026-03-01');
    expect(addCalendar('2026-02-23', 'week', 1)).toBe('2026-03-02');
    expect(addCalendar('2026-12-01', 'month', 1)).toBe('2027-01-01');
    expect(truncateDay('2026-03-01', 'week')).toBe('2026-02-23');
    expect(truncateDay('2026-03-02', 'week')).toBe('2026-03-02');
    expect(truncateDay('2026-03-08', 'week')).toBe('2026-03-02');
    expect(truncateDay('2026-03-15', 'month')).toBe('2026-03-01');
  });
});
