/** Typed domain errors; HttpErrorFilter maps each kind to one HTTP status. */
export interface ErrorDetail {
  field?: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    'not_found' | 'conflict' | 'validation' | 'unprocessable' | 'forbidden' | 'unauthorized' | 'upstream';

  constructor(
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;

  static of(resource: string, id?: string): NotFoundError {
    return new NotFoundError(id ? `${resource} ${id} not found` : `${resource} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** Input that is well-formed but wrong (400), named by field. */
export class InvalidInputError extends DomainError {
  readonly kind = 'validation' as const;

  static field(field: string, message: string): InvalidInputError {
    return new InvalidInputError(`${field}: ${message}`, [{ field, message }]);
  }
}

/** The request is valid but the organization's state does not allow it (422). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable' as const;
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized' as const;
}

/** A service the request depends on (e.g. Meta's Graph API) failed or did not answer in time (502): retry later. */
export class UpstreamError extends DomainError {
  readonly kind = 'upstream' as const;
}
