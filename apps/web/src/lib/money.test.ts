import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoneyInput } from './money';

describe('parseMoneyInput', () => {
  it('reads Brazilian amounts', () => {
    expect(parseMoneyInput('1.500,50')).toBe(1500.5);
    expect(parseMoneyInput('1500,5')).toBe(1500.5);
    expect(parseMoneyInput('R$ 1.234.567,89')).toBe(1234567.89);
    expect(parseMoneyInput('1.500')).toBe(1500);
    expect(parseMoneyInput(',50')).toBe(0.5);
  });

  it('reads amounts with a decimal point too', () => {
    expect(parseMoneyInput('1500.50')).toBe(1500.5);
    expect(parseMoneyInput('99.9')).toBe(99.9);
    expect(parseMoneyInput(' 2000 ')).toBe(2000);
    expect(parseMoneyInput('-10')).toBe(-10);
  });

  it('rejects what is not an amount with at most two decimals', () => {
    for (const text of ['', 'abc', '1,2,3', '1.50,00', '10,123', '1.2345', '12a', 'R$']) {
      expect(parseMoneyInput(text)).toBeNull();
    }
  });
});

describe('moneyInputValue', () => {
  it('writes the amount for an input field in the UI language', () => {
    expect(moneyInputValue(1500.5)).toBe('1500,50');
    expect(moneyInputValue(1500.5, 'en')).toBe('1500.50');
    expect(moneyInputValue(null)).toBe('');
  });
});
