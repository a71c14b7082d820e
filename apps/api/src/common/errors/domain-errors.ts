/** Typed domain errors; HttpErrorFilter maps each kind to one HTTP status. */
import type { ApiErrorCode } from '@whatrack/shared';

export interface ErrorDetail {
  field?: string;
  /** Machine-readable reason for this field, e.g. `max_length` or `unknown_field`. */
  code?: string;
  message: string;
}

export type ErrorKind =
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'unprocessable'
  | 'forbidden'
  | 'unauthorized'
  | 'unavailable'
  | 'bad_gateway'
  | 'too_many_requests';

/** The code of an error that does not name a more precise one. */
export const KIND_CODES: Record<ErrorKind, ApiErrorCode> = {
  not_found: 'not_found',
  conflict: 'conflict',
  validation: 'invalid_input',
  unprocessable: 'unprocessable',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  unavailable: 'service_unavailable',
  bad_gateway: 'upstream_error',
  too_many_requests: 'rate_limited',
};

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  readonly details?: ErrorDetail[];

  constructor(
    message: string,
    details?: ErrorDetail[],
    private readonly explicitCode?: ApiErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
    // Every detail carries a code, in one key order, whoever built it.
    this.details = details?.map(({ field, code, message: text }) =>
      field === undefined
        ? { code: code ?? 'invalid_value', message: text }
        : { field, code: code ?? 'invalid_value', message: text },
    );
  }

  /** What clients switch on: stable across wording changes of the message. */
  get code(): ApiErrorCode {
    return this.explicitCode ?? KIND_CODES[this.kind];
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

  static field(field: string, message: string, code = 'invalid_value'): InvalidInputError {
    return new InvalidInputError(`${field}: ${message}`, [{ field, code, message }]);
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

/** An answer the client may retry after a wait: the HTTP layer sends it as Retry-After. */
export abstract class RetryLaterError extends DomainError {
  constructor(
    message: string,
    code: ApiErrorCode,
    /** Seconds after which a retry is reasonable. */
    readonly retryAfterSeconds: number,
  ) {
    super(message, undefined, code);
  }
}

/** The server cannot answer now (503): busy, a statement ran past its budget, a dependency is down. */
export class UnavailableError extends RetryLaterError {
  readonly kind = 'unavailable' as const;

  constructor(message: string, code: ApiErrorCode = 'service_unavailable', retryAfterSeconds = 1) {
    super(message, code, retryAfterSeconds);
  }
}

/** A provider the request depends on (Graph API, a gateway) failed or did not answer (502). */
export class BadGatewayError extends DomainError {
  readonly kind = 'bad_gateway' as const;
}

/** The caller must wait before trying again (429, with Retry-After). */
export class TooManyRequestsError extends RetryLaterError {
  readonly kind = 'too_many_requests' as const;
}
