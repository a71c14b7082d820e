import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './domain-errors';
import { snakeCase } from './error-codes';

/** class-validator names unknown properties "whitelistValidation"; clients are better served by what it means. */
const CONSTRAINT_CODES: Record<string, string> = { whitelistValidation: 'unknown_field' };

function collect(errors: ValidationError[], parent: string, out: ErrorDetail[]): void {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      // class-validator names the leaf property only; prefix the parent path so nested fields are unambiguous.
      const text = message.startsWith(`${error.property} `) && parent ? `${parent}.${message}` : message;
      out.push({ field, code: CONSTRAINT_CODES[constraint] ?? snakeCase(constraint), message: text });
    }
    if (error.children?.length) collect(error.children, field, out);
  }
}

/** Enough to fix a request; a body of 10,000 unknown fields must not answer with 10,000 details. */
const MAX_DETAILS = 20;
const MAX_MESSAGE_PARTS = 5;

/** ValidationPipe errors as one 400 that names the offending fields (the first MAX_DETAILS of them). */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const all: ErrorDetail[] = [];
  collect(errors, '', all);
  const details = all.slice(0, MAX_DETAILS);
  const shown = all.slice(0, MAX_MESSAGE_PARTS).map((d) => d.message);
  const more = all.length > MAX_MESSAGE_PARTS ? ` (and ${all.length - MAX_MESSAGE_PARTS} more problems)` : '';
  const message = `${shown.join('; ')}${more}` || 'Invalid request';
  return new BadRequestException({ message, code: 'invalid_input', details });
}
