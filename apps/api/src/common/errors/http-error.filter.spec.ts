import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from './domain-errors';
import { HttpErrorFilter } from './http-error.filter';

describe('HttpErrorFilter.toBody', () => {
  const filter = new HttpErrorFilter();

  it('maps each domain error kind to its status', () => {
    expect(filter.toBody(NotFoundError.of('Ticket', 'abc'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Ticket abc not found',
    });
    expect(filter.toBody(new ConflictError('dup')).statusCode).toBe(409);
    expect(filter.toBody(new UnprocessableError('no instance')).statusCode).toBe(422);
    expect(filter.toBody(InvalidInputError.field('lead.phone', 'is invalid'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'lead.phone: is invalid',
      details: [{ field: 'lead.phone', message: 'is invalid' }],
    });
  });

  it('keeps HttpException messages and details', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x')).message).toBe('Cannot GET /x');
    const body = filter.toBody(new BadRequestException({ message: 'a; b', details: [{ field: 'a', message: 'a' }] }));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a; b',
      details: [{ field: 'a', message: 'a' }],
    });
  });

  it('turns a unique violation into 409 and hides unknown errors behind a 500', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(filter.toBody(unique).statusCode).toBe(409);
    expect(filter.toBody(new Error('secret internals'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
