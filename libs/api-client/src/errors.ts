import type { components } from './schema.gen.js';

/**
 * The body of every API error: `{statusCode, error, code, message, details?}`. The spec lists the codes
 * (`ApiErrorCode`), but a client must still read a code it does not know: a newer server may answer one.
 */
export type ErrorBody = Omit<components['schemas']['ErrorResponseDto'], 'code'> & { code: string };
export type ErrorDetail = components['schemas']['ErrorDetailDto'];

/** `statusCode` used when the request never got an HTTP answer (offline, DNS, CORS, aborted proxy...). */
export const NETWORK_ERROR_STATUS = 0;
export const NETWORK_ERROR_CODE = 'network_error';

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof ErrorBody, unknown>>;
  return typeof body.statusCode === 'number' && typeof body.message === 'string';
}

function normalizeDetails(details: unknown): ErrorDetail[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown): ErrorDetail[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { field, code, message } = d as { field?: unknown; code?: unknown; message?: unknown };
    if (typeof message !== 'string' || message === '') return [];
    const detail: ErrorDetail = { message };
    if (typeof field === 'string' && field !== '') detail.field = field;
    if (typeof code === 'string' && code !== '') detail.code = code;
    return [detail];
  });
}

/**
 * An API failure with a readable message. It has the same shape as the error body, so it can stand in for it
 * wherever the generated types promise an `ErrorResponseDto` (e.g. network failures surfaced by the client).
 */
export class ApiError extends Error implements ErrorBody {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly error: string;
  /** The API's machine-readable code (`network_error` when the server never answered). */
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(body: ErrorBody, options?: { cause?: unknown }) {
    super(body.message, options);
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.code = body.code;
    this.details = normalizeDetails(body.details);
  }

  /** Normalizes anything a request can fail with (error body, ApiError, thrown Error, raw text) into an ApiError. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (isErrorBody(error)) {
      const label = typeof error.error === 'string' ? error.error : 'Error';
      return new ApiError({
        statusCode: error.statusCode,
        error: label,
        code: typeof error.code === 'string' ? error.code : 'error',
        message: error.message,
        details: error.details,
      });
    }
    if (error instanceof Error) {
      return new ApiError(
        {
          statusCode: NETWORK_ERROR_STATUS,
          error: 'Network Error',
          code: NETWORK_ERROR_CODE,
          message: error.message || 'Network error',
        },
        { cause: error },
      );
    }
    const message = typeof error === 'string' && error.trim() !== '' ? error.trim() : 'Unexpected error';
    return new ApiError({ statusCode: NETWORK_ERROR_STATUS, error: 'Error', code: NETWORK_ERROR_CODE, message });
  }

  /** True when the server never answered (the message then comes from the browser, not from the API). */
  get isNetworkError(): boolean {
    return this.statusCode === NETWORK_ERROR_STATUS;
  }

  /** First message per offending field, keyed by the field path (e.g. `{ email: 'email must be an email' }`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.details) {
      if (field !== undefined && !(field in out)) out[field] = message;
    }
    return out;
  }

  /** Per-field messages not already contained in `message` (validation errors join their details into it). */
  get extraDetails(): ErrorDetail[] {
    return this.details.filter((d) => !this.message.includes(d.message));
  }

  /** The message followed by one line per detail that adds information, e.g. for logs or plain-text surfaces. */
  toReadableString(): string {
    const lines = this.extraDetails.map((d) => `- ${d.field ? `${d.field}: ` : ''}${d.message}`);
    return [this.message, ...lines].join('\n');
  }
}

/** Shorthand for `ApiError.from(error).toReadableString()`. */
export function describeApiError(error: unknown): string {
  return ApiError.from(error).toReadableString();
}

/**
 * The data of a client call, or its failure thrown as an ApiError (React Query and `catch` then get a real Error):
 * `const ticket = unwrap(await client.GET('/api/v1/tickets/{id}', …))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown }): T {
  if (result.error !== undefined) throw ApiError.from(result.error);
  return result.data as T;
}
