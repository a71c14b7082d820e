// A small seeded PRNG, so that FUZZ_SEED replays the same request sequence (Math.random cannot be seeded).

/** 32-bit FNV-1a of a string: turns any FUZZ_SEED text into a numeric seed. */
function hashSeed(text) {
  let h = 0x811c9dc5;
  for (const ch of String(text)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: fast, good enough spread for choosing test inputs (not for anything cryptographic). */
export function createRng(seed) {
  let state = hashSeed(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** Fisher-Yates on a copy. */
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    hex: (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
    digits: (length) => Array.from({ length }, () => Math.floor(next() * 10)).join(''),
    /** A random RFC 4122 version 4 UUID (well-formed, so it reaches lookups instead of the format check). */
    uuid: () => {
      const h = rng.hex(32).split('');
      h[12] = '4';
      h[16] = '89ab'[Math.floor(next() * 4)];
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    /** An independent stream, so that one operation's generator does not shift every other one's sequence. */
    fork: (label) => createRng(`${seed}/${label}`),
  };
  return rng;
}
