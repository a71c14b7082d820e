import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type ApiErrorCode, isApiErrorCode } from '@whatrack/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorDetail, type ErrorKind, RetryLaterError } from './domain-errors';
import { BODY_PARSER_ERRORS, PG_ERRORS, statusCode, statusText } from './error-codes';
import type { ErrorResponseDto } from './error-response.dto';

const KIND_STATUS: Record<ErrorKind, HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  validation: HttpStatus.BAD_REQUEST,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  bad_gateway: HttpStatus.BAD_GATEWAY,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && 'expose' in e;
}

/** zlib's errors when a body claims gzip/deflate/br and is not (they reach us before body-parser wraps them). */
function isZlibError(e: unknown): boolean {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** node-postgres' pool gives up waiting for a free connection with this message. */
function isPoolTimeout(e: unknown): boolean {
  return e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message);
}

/** What HTTP exceptions carry in their response object (ours and Nest's). */
interface HttpExceptionBody {
  message?: string | string[];
  code?: unknown;
  details?: ErrorDetail[];
}

/** Maps every error to the one documented body {statusCode, error, code, message, details?}. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (res.headersSent) {
      // A streamed answer (CSV export) already sent its status: end it abruptly so the client sees a failure
      // instead of a file that merely looks short.
      res.destroy();
      return;
    }
    const wait = retryAfter(exception, body.statusCode);
    if (wait !== null) res.setHeader('Retry-After', String(wait));
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorResponseDto {
    if (exception instanceof DomainError) {
      return this.build(KIND_STATUS[exception.kind], exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException && isBodyParserError(exception.cause)) {
      return this.fromBodyParser(exception.cause);
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const mapped = PG_ERRORS[code];
      if (mapped) return this.build(mapped.status, mapped.code, mapped.message);
    }
    if (isBodyParserError(exception)) return this.fromBodyParser(exception);
    if (isZlibError(exception)) {
      return this.build(400, 'invalid_encoding', 'The request body does not match its Content-Encoding');
    }
    if (isPoolTimeout(exception)) {
      return this.build(503, 'database_busy', 'The server is busy: try again shortly');
    }
    return this.build(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'Internal server error');
  }

  private fromHttpException(exception: HttpException): ErrorResponseDto {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return this.build(status, statusCode(status), response);
    const r = response as HttpExceptionBody;
    const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message);
    // Nest answers unknown routes with "Cannot GET /x".
    // A code outside the catalogue (a library's own) is not one clients can rely on: the status's code stands in.
    const routeMissing = status === 404 && /^Cannot [A-Z]+ /.test(message);
    const code = isApiErrorCode(r.code) ? r.code : routeMissing ? 'route_not_found' : statusCode(status);
    return this.build(status, code, message, r.details);
  }

  private fromBodyParser(error: BodyParserError): ErrorResponseDto {
    const mapped = error.type ? BODY_PARSER_ERRORS[error.type] : undefined;
    if (mapped) return this.build(mapped.status, mapped.code, mapped.message);
    if (error.status && error.status < 500) return this.build(error.status, statusCode(error.status), error.message);
    return this.build(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'Internal server error');
  }

  private build(statusCode: number, code: ApiErrorCode, message: string, details?: ErrorDetail[]): ErrorResponseDto {
    const body: ErrorResponseDto = { statusCode, error: statusText(statusCode), code, message };
    if (details && details.length > 0) body.details = details;
    return body;
  }
}

/** Seconds a client should wait before retrying, when the answer has one. */
function retryAfter(exception: unknown, status: number): number | null {
  if (exception instanceof RetryLaterError) return exception.retryAfterSeconds;
  return status === 503 ? 1 : null;
}
