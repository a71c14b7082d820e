/** Narrowing helpers for untrusted webhook JSON. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Seconds since the epoch (number, numeric string, or a protobuf Long {low, high}) as a Date; now when absent. */
export function epochSeconds(value: unknown, fallback: Date): Date {
  let seconds: number | null = null;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && /^\d+$/.test(value)) seconds = Number(value);
  else if (obj(value) && typeof obj(value)!.low === 'number') seconds = (obj(value)!.low as number) >>> 0;
  return seconds && seconds > 0 ? new Date(seconds * 1000) : fallback;
}

/** A finite number, from a number or a numeric string; null otherwise. */
export function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}
