import { TokenCipher } from './token-cipher';

describe('TokenCipher', () => {
  const cipher = new TokenCipher({ encryptionKey: 'a-development-key-that-is-long-enough-1234' });

  it('round-trips, with a fresh IV each time and no plaintext in the output', () => {
    const a = cipher.encrypt('EAAG-secret-token');
    const b = cipher.encrypt('EAAG-secret-token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(a.startsWith('v1.')).toBe(true);
    expect(cipher.decrypt(a)).toBe('EAAG-secret-token');
  });

  it('rejects altered text and another key', () => {
    const stored = cipher.encrypt('EAAG-secret-token');
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    const other = new TokenCipher({ encryptionKey: 'another-development-key-long-enough-5678' });
    expect(() => other.decrypt(stored)).toThrow();
    expect(() => cipher.decrypt('plain')).toThrow('Unknown credential format');
  });
});
