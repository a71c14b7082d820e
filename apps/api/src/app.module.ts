import { existsSync } from 'node:fs';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { REDACT_PATHS, REDACTED, redactUrl } from './common/logging/log-redaction';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { RolesGuard } from './common/auth/roles.guard';
import { ReadCacheModule } from './common/cache/read-cache.module';
import { StatementBudgetInterceptor } from './common/db/statement-budget.interceptor';
import { rateLimitGuards, rateLimitModules } from './common/http/rate-limits';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AdSpendModule } from './modules/ad-spend/ad-spend.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { ConversionsModule } from './modules/conversions/conversions.module';
import { EventsModule } from './modules/events/events.module';
import { QuickRepliesModule } from './modules/quick-replies/quick-replies.module';
import { RepliesModule } from './modules/replies/replies.module';
import { HealthModule } from './modules/health/health.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { NotesModule } from './modules/notes/notes.module';
import { LeadsModule } from './modules/leads/leads.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SalesModule } from './modules/sales/sales.module';
import { StagesModule } from './modules/stages/stages.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TrackingModule } from './modules/tracking/tracking.module';
import { UsersModule } from './modules/users/users.module';
import { WhatsappInstancesModule } from './modules/whatsapp-instances/whatsapp-instances.module';
import { TrackingLinksModule } from './modules/tracking-links/tracking-links.module';
import { WhatsappModule } from './modules/whatsapp/whatsapp.module';
import { WebhookSubscriptionsModule } from './modules/webhook-subscriptions/webhook-subscriptions.module';

const DOMAIN_MODULES = [
  OrganizationsModule,
  UsersModule,
  AuthModule,
  ApiKeysModule,
  LeadsModule,
  WhatsappInstancesModule,
  ConversationsModule,
  TicketsModule,
  StagesModule,
  TrackingModule,
  SalesModule,
  NotesModule,
  ReportsModule,
  AdSpendModule,
  ConversionsModule,
  RepliesModule,
  QuickRepliesModule,
  HealthModule,
  TrackingLinksModule,
  WhatsappModule,
  EventsModule,
  MaintenanceModule,
  WebhookSubscriptionsModule,
  PrivacyModule,
];

function loggerModule(config: AppConfig): DynamicModule {
  const options: PinoHttpOptions = {
    level: config.logLevel,
    // Credentials never reach the log: headers and query parameters that carry them, and the URL's copy of those.
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url && redactUrl(req.url) }) },
    autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
  };
  return LoggerModule.forRoot({
    // nestjs-pino's default ('*') is the wildcard Express 5 no longer reads: Nest warned at every boot and converted it.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: config.logDestination ? [options, config.logDestination] : options,
  });
}

/** The built SPA, served at / with deep links falling back to index.html; API and docs routes are left alone. */
function spaModule(config: AppConfig): DynamicModule[] {
  if (!config.webDistDir || !existsSync(config.webDistDir)) return [];
  return [
    ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}', '/docs{*path}', '/t/{*path}'] }),
  ];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        DatabaseModule.forRoot(config),
        ReadCacheModule,
        ...spaModule(config),
        ...rateLimitModules(config),
        ...DOMAIN_MODULES,
      ],
      providers: [
        // Throttling first, so floods of unauthenticated requests are limited too.
        ...rateLimitGuards(config),
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: StatementBudgetInterceptor },
      ],
    };
  }
}
