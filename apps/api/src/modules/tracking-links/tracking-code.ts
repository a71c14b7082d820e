import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: people may read the code aloud or retype it. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newClickCode(): string {
  return randomString(ALPHABET, CODE_LENGTH);
}

export function newSlug(): string {
  return randomString(SLUG_ALPHABET, 10);
}

/** The text appended to the pre-filled WhatsApp message. */
export function refSuffix(code: string): string {
  return `(ref: ${code})`;
}

/** The click code in a message text, as written by refSuffix (tolerant of case and spacing). */
export function findRefCode(text: string | null): string | null {
  if (!text) return null;
  const match = /\(\s*ref\s*:\s*([A-Za-z0-9]{8})\s*\)/.exec(text);
  return match ? match[1].toUpperCase() : null;
}
