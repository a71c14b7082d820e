import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './domain-errors';

function collect(errors: ValidationError[], parent: string, out: ErrorDetail[]): void {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator names the leaf property only; prefix the parent path so nested fields are unambiguous.
      const text = message.startsWith(`${error.property} `) && parent ? `${parent}.${message}` : message;
      out.push({ field, message: text });
    }
    if (error.children?.length) collect(error.children, field, out);
  }
}

/** ValidationPipe errors as one 400 that names every offending field. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const details: ErrorDetail[] = [];
  collect(errors, '', details);
  const message = details.map((d) => d.message).join('; ') || 'Invalid request';
  return new BadRequestException({ message, details });
}
