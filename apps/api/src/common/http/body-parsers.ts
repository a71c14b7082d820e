import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { InvalidInputError } from '../errors/domain-errors';
import { findBadText, jsonNestsDeeperThan, MAX_JSON_DEPTH, storableText, type TextProblem } from './text-guards';

/** Provider webhooks: Evolution sends media as base64 inside the JSON, several MB per message. */
export const WEBHOOK_BODY_LIMIT = '16mb';
/** The JSON ad-spend import takes up to 10,000 rows of up to ~300 bytes. */
export const AD_SPEND_BODY_LIMIT = '4mb';
/** Everything else: the largest legitimate body (a ticket with its lead and tracking) is a few kB. */
export const DEFAULT_BODY_LIMIT = '100kb';

const WEBHOOKS_PATH = '/api/v1/webhooks/';

type RawBodyRequest = Request & { rawBody?: Buffer };

/** Keeps the exact bytes for webhook signatures, and refuses absurd nesting before JSON.parse walks it. */
function verifyJson(req: RawBodyRequest, _res: Response, buffer: Buffer): void {
  req.rawBody = buffer;
  if (jsonNestsDeeperThan(buffer, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error('JSON nested too deeply'), { status: 400, type: 'entity.too.deep', expose: true });
  }
}

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: 'must not contain NUL (U+0000) characters',
  surrogate: 'must be valid Unicode text (it contains a lone UTF-16 surrogate)',
};

function invalidText(field: string, problem: TextProblem): InvalidInputError {
  return new InvalidInputError(`${field} ${PROBLEM_TEXT[problem]}`, [
    { field, code: 'invalid_characters', message: `${field} ${PROBLEM_TEXT[problem]}` },
  ]);
}

function decodedPath(req: Request): string {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return req.path; // malformed escapes are the router's to refuse
  }
}

/**
 * Text that PostgreSQL cannot store: refused with a 400 naming the field on the API, but made storable on provider
 * webhooks, whose deliveries must never be lost to one odd byte (the raw bytes stay for the signature check).
 */
function guardText(req: Request, _res: Response, next: NextFunction): void {
  if (req.path.startsWith(WEBHOOKS_PATH)) {
    // Rebuilt only when something needs it: almost every delivery is clean, and a copy costs an allocation per node.
    if (req.body !== undefined && findBadText(req.body)) req.body = storableText<unknown>(req.body);
    next();
    return;
  }
  const bad =
    findBadText(req.body) ??
    findBadText(req.query) ??
    (decodedPath(req).includes('\u0000') ? { path: 'path', problem: 'nul' as const } : null);
  next(bad ? invalidText(bad.path || 'body', bad.problem) : undefined);
}

/**
 * Body parsing is set up here rather than by Nest: Nest would hand a parse failure on as a bare
 * BadRequestException carrying JSON.parse's message, losing the parser's error type, so the one error mapping
 * (HttpErrorFilter) could not tell malformed JSON from a too-large body. Limits are per route: the first parser
 * that matches a request parses it, the others see it parsed.
 */
export function applyBodyParsers(app: INestApplication): void {
  const errors = new HttpErrorFilter();
  app.use(WEBHOOKS_PATH, express.json({ verify: verifyJson, limit: WEBHOOK_BODY_LIMIT }));
  app.use('/api/v1/ad-spend', express.json({ verify: verifyJson, limit: AD_SPEND_BODY_LIMIT }));
  app.use(express.json({ verify: verifyJson, limit: DEFAULT_BODY_LIMIT }));
  app.use(express.urlencoded({ extended: true, verify: (req: RawBodyRequest, _res, buf) => (req.rawBody = buf) }));
  app.use(guardText);
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const body = errors.toBody(error);
    if (body.statusCode >= 500) {
      next(error);
      return;
    }
    res.status(body.statusCode).json(body);
  });
}
