import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { dbRequestScope } from './common/db/db-request-scope';
import { applyBodyParsers } from './common/http/body-parsers';
import { answerClientErrors } from './common/http/client-errors';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { validationExceptionFactory } from './common/errors/validation-exception.factory';
import type { AppConfig } from './config/app-config';
import { setupSwagger } from './swagger';

export const API_PREFIX = 'api/v1';

/** Global behaviour shared by the server, the tests and the OpenAPI script. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.use(dbRequestScope(config.statementTimeouts.default));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['t/{*slug}'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The chat shows WhatsApp media as blob: URLs (fetched with the Authorization header, which <img> lacks).
          'img-src': ["'self'", 'data:', 'https:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'script-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  // After CORS, so parse errors (malformed JSON, too large) still carry its headers to a cross-origin SPA.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  applyBodyParsers(app);
  app.enableShutdownHooks();
  setupSwagger(app);
}

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false, // see applyBodyParsers
  });
  app.useLogger(app.get(Logger));
  // X-Forwarded-For is believed only from the proxies named: anyone else could rotate it to dodge rate limits.
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  answerClientErrors(app.getHttpServer());
  configureApp(app, config);
  return app;
}
