import { brazilianMatchKey, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each(['(11) 99999-8888', '5511999998888', '+55 11 99999-8888', '011 99999 8888', '0055 11 99999-8888'])(
    'reads %s as +5511999998888',
    (input) => {
      expect(normalizePhone(input)).toEqual({ e164: '+5511999998888', key: '+551199998888' });
    },
  );

  it('gives a Brazilian mobile with and without the ninth digit the same key', () => {
    const withNine = normalizePhone('+55 11 9 8888-7777');
    const withoutNine = normalizePhone('+55 11 8888-7777');
    expect(withNine?.e164).toBe('+5511988887777');
    expect(withoutNine?.e164).toBe('+551188887777');
    expect(withNine?.key).toBe(withoutNine?.key);
    expect(normalizePhone('551188887777')?.key).toBe(withNine?.key);
  });

  it('keeps landlines and foreign numbers as they are', () => {
    expect(normalizePhone('(11) 3333-4444')).toEqual({ e164: '+551133334444', key: '+551133334444' });
    expect(normalizePhone('+1 415 555 2671')).toEqual({ e164: '+14155552671', key: '+14155552671' });
  });

  it('rejects what is not a phone number', () => {
    for (const input of ['', 'abc', '123', '+55 11', '99999999999999999999']) expect(normalizePhone(input)).toBeNull();
  });

  it('builds the key only for Brazilian mobiles with the ninth digit', () => {
    expect(brazilianMatchKey('+5521987654321')).toBe('+552187654321');
    expect(brazilianMatchKey('+552133334444')).toBe('+552133334444');
  });
});
