import type { ValueTransformer } from 'typeorm';

/** node-postgres returns numeric as a string to keep precision; money columns fit a JS number (numeric(14,2)). */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
