/**
 * Guards for untrusted request text. PostgreSQL cannot store NUL (U+0000) in text or jsonb, and a lone UTF-16
 * surrogate is not a character at all (validators throw on it, UTF-8 cannot encode it); JSON nested thousands of
 * levels deep overflows the stack of whatever walks it next (class-transformer, validators, JSON.stringify).
 */

/** Far deeper than any real payload (Meta's and Evolution's webhooks nest about 10 levels). */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests objects/arrays deeper than `max`, read before parsing (strings are skipped). */
export function jsonNestsDeeperThan(text: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

export type TextProblem = 'nul' | 'surrogate';

function problemOf(text: string): TextProblem | null {
  if (text.includes('\u0000')) return 'nul';
  return text.isWellFormed() ? null : 'surrogate';
}

/** The first string (value or key) of a parsed JSON value or query that cannot be stored, with its path. */
export function findBadText(value: unknown, path = ''): { path: string; problem: TextProblem } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      const problem = problemOf(key);
      if (problem) return { path: keyPath, problem };
      const found = findBadText(item, keyPath);
      if (found) return found;
    }
  }
  return null;
}

/** The same value with NULs removed and lone surrogates replaced by U+FFFD, in values and keys. */
export function storableText<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').toWellFormed() as T;
  if (Array.isArray(value)) return value.map((item: unknown) => storableText(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableText(v)])) as T;
  }
  return value;
}
