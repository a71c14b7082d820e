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

/** ValidationPipe errors as one 400 that names every offending field. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const details: ErrorDetail[] = [];
  collect(errors, '', details);
  const message = details.map((d) => d.message).join('; ') || 'Invalid request';
  return new BadRequestException({ message, code: 'invalid_input', details });
}
