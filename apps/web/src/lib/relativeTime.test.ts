import { describe, expect, it } from 'vitest';
import { formatAge } from './relativeTime';

const now = new Date('2025-03-10T12:00:00Z');

describe('formatAge', () => {
  it('uses the largest whole unit', () => {
    expect(formatAge('2025-03-10T11:59:30Z', now)).toBe('agora');
    expect(formatAge('2025-03-10T11:15:00Z', now)).toBe('há 45 min.');
    expect(formatAge('2025-03-10T09:00:00Z', now)).toBe('há 3 h');
    expect(formatAge('2025-03-07T12:00:00Z', now)).toBe('há 3 dias');
    expect(formatAge('2025-03-09T10:00:00Z', now)).toBe('ontem');
  });

  it('speaks English too and ignores invalid dates', () => {
    expect(formatAge('2025-02-10T12:00:00Z', now, 'en')).toBe('4 wk. ago');
    expect(formatAge('nope', now)).toBe('');
  });
});
