import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_HEADER } from './modules/auth/strategies/api-key.strategy';
import { ErrorDetailDto, ErrorResponseDto } from './common/errors/error-response.dto';
import { PUBLIC_EXTENSION } from './common/auth/public.decorator';
import { NO_RATE_LIMIT_EXTENSION } from './common/http/rate-limits';
import { API_KEY_SCOPE_EXTENSION } from './common/auth/api-key-scope.decorator';
import { ROLES_EXTENSION } from './common/auth/roles.decorator';
import { defaultKeyScope } from './common/auth/roles.guard';
import type { UserRole } from '@whatrack/shared';
import { WEBHOOKS_DESCRIPTION } from './modules/webhook-subscriptions/webhook-subscriptions.controller';

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponseDto' };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Who may call an operation, stated on it (description and x-roles / x-api-key-scope) from the same metadata the
 * guard enforces.
 */
function describeAccess(op: Record<string, unknown>, method: string): string {
  const roles = op[ROLES_EXTENSION] as UserRole[] | undefined;
  const scope = (op[API_KEY_SCOPE_EXTENSION] as string | undefined) ?? defaultKeyScope(method.toUpperCase(), roles);
  op[API_KEY_SCOPE_EXTENSION] = scope ?? 'none';
  const users = roles?.length ? `users with role ${roles.join(' or ')}` : 'every user';
  const keys = scope ? `API keys with scope ${scope}` : 'no API key';
  return `${users}; ${keys}.`;
}

/** Every operation documents the shared error body; public ones drop the security requirement. */
function decorate(doc: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = path[method] as (Record<string, unknown> & { responses: Record<string, unknown> }) | undefined;
      if (!op) continue;
      const responses = op.responses;
      const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });
      responses['400'] ??= error('Invalid input: the message and details name the offending field');
      if (op.requestBody) responses['413'] ??= error('The request body is larger than the route accepts');
      if (op[PUBLIC_EXTENSION]) {
        op.security = [];
        delete op[PUBLIC_EXTENSION];
      } else {
        responses['401'] ??= error('Missing or invalid credentials');
        const access = describeAccess(op, method);
        responses['403'] ??= error(`Not allowed: ${access}`);
        const description = typeof op.description === 'string' ? `${op.description}\n\n` : '';
        op.description = `${description}**Access:** ${access}`;
      }
      if (op[NO_RATE_LIMIT_EXTENSION]) delete op[NO_RATE_LIMIT_EXTENSION];
      else responses['429'] ??= error('Too many requests');
    }
  }
  return doc;
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('WhaTrack Tickets API')
    .setDescription(
      'Tickets, leads, WhatsApp conversations and marketing attribution (UTMs and click ids) for businesses that sell ' +
        'through WhatsApp. Authenticate with a JWT (`Authorization: Bearer`, from /auth/login) or an API key ' +
        '(`X-API-Key`, created under /api-keys). Every error answers `{statusCode, error, code, message, details?}`: switch on the machine-readable `code`. ' +
        'Money is a JSON number in the organization currency; dates are ISO 8601.',
    )
    .setVersion('1.0.0')
    .addTag('webhook-subscriptions', WEBHOOKS_DESCRIPTION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, 'apiKey')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('apiKey')
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto, ErrorDetailDto],
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
  return decorate(doc);
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'WhaTrack Tickets API',
  });
}
