import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorDetail } from './domain-errors';
import type { ErrorResponseDto } from './error-response.dto';

const KIND_STATUS: Record<DomainError['kind'], HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  validation: HttpStatus.BAD_REQUEST,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  upstream: HttpStatus.BAD_GATEWAY,
};

const PG_STATUS: Record<string, { status: HttpStatus; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record is referenced by or references another record' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has an invalid format' },
  '23514': { status: HttpStatus.BAD_REQUEST, message: 'A value is out of the allowed range' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A numeric value is out of range' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A value is longer than allowed' },
};

function statusText(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && 'expose' in e;
}

/** Maps every error to the one documented body {statusCode, error, message, details?}. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorResponseDto {
    if (exception instanceof DomainError) {
      return this.build(KIND_STATUS[exception.kind], exception.message, exception.details);
    }
    if (exception instanceof HttpException && isBodyParserError(exception.cause)) {
      return this.fromBodyParser(exception.cause);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return this.build(status, response);
      const r = response as { message?: string | string[]; details?: ErrorDetail[] };
      const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message);
      return this.build(status, message, r.details);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const mapped = PG_STATUS[code];
      if (mapped) return this.build(mapped.status, mapped.message);
    }
    if (isBodyParserError(exception)) return this.fromBodyParser(exception);
    return this.build(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private fromBodyParser(error: BodyParserError): ErrorResponseDto {
    if (error.type === 'entity.parse.failed') return this.build(400, 'Malformed JSON in request body');
    if (error.status && error.status < 500) return this.build(error.status, error.message);
    return this.build(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private build(statusCode: number, message: string, details?: ErrorDetail[]): ErrorResponseDto {
    const body: ErrorResponseDto = { statusCode, error: statusText(statusCode), message };
    if (details && details.length > 0) body.details = details;
    return body;
  }
}
