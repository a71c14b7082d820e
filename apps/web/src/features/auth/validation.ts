/** Mirrors RegisterDto (password minLength 8). */
export const PASSWORD_MIN_LENGTH = 8;

export type ValidationIssue = 'required' | 'email' | 'passwordMin';
export type FieldIssues<Field extends string> = Partial<Record<Field, ValidationIssue>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkRequired(value: string): ValidationIssue | undefined {
  return value.trim() === '' ? 'required' : undefined;
}

export function checkEmail(value: string): ValidationIssue | undefined {
  return checkRequired(value) ?? (EMAIL.test(value.trim()) ? undefined : 'email');
}

export function checkNewPassword(value: string): ValidationIssue | undefined {
  return checkRequired(value) ?? (value.length < PASSWORD_MIN_LENGTH ? 'passwordMin' : undefined);
}

/** Drops the fields without issues; an empty result means the form is valid. */
export function collectIssues<Field extends string>(
  checks: Record<Field, ValidationIssue | undefined>,
): FieldIssues<Field> {
  const issues: FieldIssues<Field> = {};
  for (const field of Object.keys(checks) as Field[]) {
    if (checks[field]) issues[field] = checks[field];
  }
  return issues;
}
