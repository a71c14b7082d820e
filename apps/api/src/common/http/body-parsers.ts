import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpErrorFilter } from '../errors/http-error.filter';

/** Keeps the exact bytes for webhook signatures (X-Hub-Signature-256 is an HMAC of the raw body). */
function keepRawBody(req: Request & { rawBody?: Buffer }, _res: Response, buffer: Buffer): void {
  req.rawBody = buffer;
}

/**
 * Body parsing is set up here rather than by Nest: Nest would hand a parse failure on as a bare
 * BadRequestException carrying JSON.parse's message, losing the parser's error type, so the one error mapping
 * (HttpErrorFilter) could not tell malformed JSON from a too-large body.
 */
export function applyBodyParsers(app: INestApplication): void {
  const errors = new HttpErrorFilter();
  app.use(express.json({ verify: keepRawBody }));
  app.use(express.urlencoded({ extended: true, verify: keepRawBody }));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const body = errors.toBody(error);
    if (body.statusCode >= 500) {
      next(error);
      return;
    }
    res.status(body.statusCode).json(body);
  });
}
