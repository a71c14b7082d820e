import { HttpStatus } from '@nestjs/common';
import type { ApiErrorCode } from '@whatrack/shared';

/** `maxLength` → `max_length`: class-validator's constraint names as the API's snake_case codes. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

/** The code of each HTTP status that an answer can have without a more precise code. */
const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'invalid_input',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.URI_TOO_LONG]: 'uri_too_long',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'unprocessable',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
  431: 'headers_too_large',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'internal_error',
  [HttpStatus.BAD_GATEWAY]: 'upstream_error',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'service_unavailable',
  [HttpStatus.GATEWAY_TIMEOUT]: 'upstream_error',
};

/**
 * The code of an HTTP status that carries no more precise one (404 → not_found, 413 → payload_too_large); a status
 * outside the table gets its class's general code, so the answer's code is always one of API_ERROR_CODES.
 */
export function statusCode(status: number): ApiErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_input');
}

/** Statuses Nest's HttpStatus enum lacks. */
const EXTRA_STATUS_NAMES: Partial<Record<number, string>> = { 431: 'REQUEST_HEADER_FIELDS_TOO_LARGE' };

/** "Title Case" reason phrase of a status (404 → Not Found). */
export function statusText(status: number): string {
  const name = (HttpStatus[status] as string | undefined) ?? EXTRA_STATUS_NAMES[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

interface MappedError {
  status: HttpStatus;
  code: ApiErrorCode;
  message: string;
}

/** PostgreSQL SQLSTATEs that input or load can cause, and what the client is told (never the SQL). */
export const PG_ERRORS: Record<string, MappedError> = {
  '23505': { status: 409, code: 'already_exists', message: 'A record with the same unique value already exists' },
  '23503': {
    status: 409,
    code: 'reference_conflict',
    message: 'The record is referenced by or references another record',
  },
  '22P02': { status: 400, code: 'invalid_format', message: 'A value has an invalid format' },
  '23514': { status: 400, code: 'out_of_range', message: 'A value is out of the allowed range' },
  '22003': { status: 400, code: 'out_of_range', message: 'A numeric value is out of range' },
  '22008': { status: 400, code: 'out_of_range', message: 'A date or time is out of range' },
  '22001': { status: 400, code: 'too_long', message: 'A value is longer than allowed' },
  '22021': {
    status: 400,
    code: 'invalid_characters',
    message: 'A value contains a character that cannot be stored (NUL)',
  },
  '22P05': {
    status: 400,
    code: 'invalid_characters',
    message: 'A value contains a character that cannot be stored (NUL)',
  },
  '54001': { status: 400, code: 'too_complex', message: 'The request is too complex' },
  '57014': {
    status: 503,
    code: 'statement_timeout',
    message: 'The request took too long and was stopped: narrow it and try again',
  },
  '40001': { status: 503, code: 'write_conflict', message: 'A concurrent change got in the way: try again' },
  '40P01': { status: 503, code: 'write_conflict', message: 'A concurrent change got in the way: try again' },
  '55P03': { status: 503, code: 'write_conflict', message: 'The record is busy: try again' },
  '53300': { status: 503, code: 'database_busy', message: 'The database is busy: try again shortly' },
  '57P01': { status: 503, code: 'database_unavailable', message: 'The database is unavailable: try again shortly' },
  '57P03': { status: 503, code: 'database_unavailable', message: 'The database is unavailable: try again shortly' },
};

/** body-parser's error types (https://github.com/expressjs/body-parser#errors). */
export const BODY_PARSER_ERRORS: Record<string, MappedError> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: 'Malformed JSON in request body' },
  'entity.too.deep': {
    status: 400,
    code: 'json_too_deep',
    message: 'The JSON body nests objects or arrays too deeply',
  },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The request body is too large' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_encoding',
    message: 'Unsupported Content-Encoding: send identity, gzip, deflate or br',
  },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'Unsupported charset: send UTF-8' },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'The request body was not received whole' },
  'request.size.invalid': {
    status: 400,
    code: 'invalid_body_length',
    message: 'The request body does not match its Content-Length',
  },
};
