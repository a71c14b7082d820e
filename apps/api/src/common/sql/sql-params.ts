/**
 * Positional parameters for hand-written SQL: `p.add(value)` returns the placeholder ("$3") and remembers the value,
 * so statements whose shape depends on the input stay readable and never interpolate values.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
