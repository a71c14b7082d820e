import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { isApiErrorCode } from '@whatrack/shared';
import { QueryFailedError } from 'typeorm';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnavailableError,
  UnprocessableError,
} from './domain-errors';
import { HttpErrorFilter } from './http-error.filter';

const pgError = (code: string) => new QueryFailedError('SQL', [], Object.assign(new Error('driver says'), { code }));

describe('HttpErrorFilter.toBody', () => {
  const filter = new HttpErrorFilter();

  it('maps each domain error kind to its status and a machine-readable code', () => {
    expect(filter.toBody(NotFoundError.of('Ticket', 'abc'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'Ticket abc not found',
    });
    expect(filter.toBody(new ConflictError('dup', undefined, 'email_unavailable'))).toMatchObject({
      statusCode: 409,
      code: 'email_unavailable',
    });
    expect(filter.toBody(new UnprocessableError('no instance')).statusCode).toBe(422);
    expect(filter.toBody(InvalidInputError.field('lead.phone', 'is invalid'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      message: 'lead.phone: is invalid',
      details: [{ field: 'lead.phone', code: 'invalid_value', message: 'is invalid' }],
    });
    expect(filter.toBody(new TooManyRequestsError('wait', 'login_locked', 30))).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'login_locked',
    });
    expect(filter.toBody(new UnavailableError('busy', 'server_busy'))).toMatchObject({
      statusCode: 503,
      code: 'server_busy',
    });
  });

  it('gives every detail a code, in one key order', () => {
    const body = filter.toBody(new InvalidInputError('x', [{ message: 'no field' }, { field: 'a', message: 'm' }]));
    expect(body.details).toEqual([
      { code: 'invalid_value', message: 'no field' },
      { field: 'a', code: 'invalid_value', message: 'm' },
    ]);
  });

  it('answers only catalogued codes: a library code or an unlisted status gets its status class code', () => {
    const foreign = new HttpException({ message: 'invalid csrf token', code: 'EBADCSRFTOKEN' }, 403);
    expect(filter.toBody(foreign)).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(filter.toBody(new HttpException('teapot', 418))).toMatchObject({ statusCode: 418, code: 'invalid_input' });
    expect(filter.toBody(new HttpException('loop', 508))).toMatchObject({ statusCode: 508, code: 'internal_error' });
    expect(filter.toBody(new HttpException('slow', 504))).toMatchObject({ code: 'upstream_error' });
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 418, 422, 429, 431, 500, 502, 503, 504, 508]) {
      expect(isApiErrorCode(filter.toBody(new HttpException('x', status)).code)).toBe(true);
    }
  });

  it('keeps HttpException messages, codes and details, and names unknown routes', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'))).toMatchObject({
      message: 'Cannot GET /x',
      code: 'route_not_found',
    });
    const body = filter.toBody(
      new BadRequestException({ message: 'a; b', code: 'invalid_input', details: [{ field: 'a', message: 'a' }] }),
    );
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      message: 'a; b',
      details: [{ field: 'a', message: 'a' }],
    });
  });

  it('maps the PostgreSQL errors input or load can cause, and hides anything else behind a 500', () => {
    expect(filter.toBody(pgError('23505'))).toMatchObject({ statusCode: 409, code: 'already_exists' });
    expect(filter.toBody(pgError('22021'))).toMatchObject({ statusCode: 400, code: 'invalid_characters' });
    expect(filter.toBody(pgError('22P05'))).toMatchObject({ statusCode: 400, code: 'invalid_characters' });
    expect(filter.toBody(pgError('57014'))).toMatchObject({ statusCode: 503, code: 'statement_timeout' });
    expect(filter.toBody(pgError('40P01'))).toMatchObject({ statusCode: 503, code: 'write_conflict' });
    expect(filter.toBody(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      statusCode: 503,
      code: 'database_busy',
    });
    expect(filter.toBody(pgError('XX000'))).toMatchObject({ statusCode: 500, code: 'internal_error' });
    expect(filter.toBody(new Error('secret internals'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'internal_error',
      message: 'Internal server error',
    });
  });

  it("maps body-parser's errors and zlib's to client errors", () => {
    const parser = (type: string, status: number) => Object.assign(new Error(type), { type, status, expose: true });
    expect(filter.toBody(parser('entity.too.large', 413))).toMatchObject({
      statusCode: 413,
      code: 'payload_too_large',
    });
    expect(filter.toBody(parser('entity.too.deep', 400))).toMatchObject({ statusCode: 400, code: 'json_too_deep' });
    expect(filter.toBody(parser('encoding.unsupported', 415))).toMatchObject({ statusCode: 415 });
    const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    expect(filter.toBody(zlib)).toMatchObject({ statusCode: 400, code: 'invalid_encoding' });
  });
});
