import { resolve } from 'node:path';
import { developmentSecret, readBool, readInt, trustedProxyProblem } from './env-readers';
import { type MediaConfig, readMediaConfig } from './media-config';
import { readSmtpConfig, type SmtpConfig } from './smtp-config';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  databasePoolSize: number;
  pgliteDataDir: string;
  migrationsRun: boolean;
  jwtSecret: string;
  jwtExpiresIn: string;
  corsOrigins: string[];
  logLevel: LogLevel;
  /** Where logs are written instead of stdout (set in code by tests, never from the environment). */
  logDestination?: NodeJS.WritableStream;
  publicUrl: string;
  webDistDir: string | null;
  /** Requests per minute per client on the whole API. */
  /** RATE_LIMITS_ENABLED=false when a proxy in front already limits (also used by the benchmarks). */
  /** How long organization-wide reads (listing totals/facets, reports) may be reused; 0 = never. */
  readCacheTtlMs: number;
  /** How long an organization's settings and stages are reused (0 = never); write requests drop them at once. */
  configCacheTtlMs: number;
  rateLimitsEnabled: boolean;
  rateLimitPerMinute: number;
  /** Sign-in and sign-up attempts per minute per client. */
  authRateLimitPerMinute: number;
  /** Secret (at least 32 characters) that encrypts stored credentials such as the Meta access token. */
  encryptionKey: string;
  /**
   * Base URL of Meta's Graph API: verifies WhatsApp Cloud API access tokens, and is the default for the Conversions
   * API (an organization may override that one in its Meta settings).
   */
  metaGraphApiBaseUrl: string;
  /**
   * Let URLs that organizations type (an Evolution server's apiUrl) reach loopback, private, link-local and other
   * non-public addresses. Off by default: such a URL would let any organization make this server call its own
   * network (SSRF). On for tests and self-hosted gateways on the same LAN.
   */
  allowPrivateNetworkTargets: boolean;
  /**
   * How often this process folds the ticket rollups' deltas into their cells (0: never, another replica does).
   * Readers sum cells and deltas, so this bounds how many deltas a summary adds, not how fresh it is.
   */
  /**
   * How often the embedded database is vacuumed and analyzed (PGlite runs no autovacuum: without this, dead rows
   * pile up and the planner never learns the tables' sizes); 0 turns it off. Unused with PostgreSQL.
   */
  embeddedVacuumIntervalMs: number;
  rollupCompactIntervalMs: number;
  /** Deliver queued ad-platform conversions from this process, polling every conversionsWorkerIntervalMs. */
  conversionsWorkerEnabled: boolean;
  conversionsWorkerIntervalMs: number;
  /** Deliver agents' WhatsApp replies from this process (the replies outbox), polling every repliesWorkerIntervalMs. */
  repliesWorkerEnabled: boolean;
  repliesWorkerIntervalMs: number;
  /** Conversations whose replies are sent at once (one conversation's replies go one after another, in order). */
  repliesWorkerConcurrency: number;
  /** The first retry of a reply the provider could not take waits this long (then doubles, up to 10 minutes). */
  repliesRetryBaseMs: number;
  /**
   * How long a claimed reply is the claiming process's: after a crash it is sent again once this runs out. Longer than
   * a send can take (the provider timeout), or a slow send could go out twice.
   */
  repliesLeaseSeconds: number;
  /** Meta Cloud API webhook: the verify token of the subscription handshake, and the app secret that signs bodies. */
  whatsappVerifyToken: string | null;
  whatsappAppSecret: string | null;
  /** No statement runs longer on the server than this, whoever sent it (PostgreSQL statement_timeout). */
  databaseStatementTimeoutMs: number;
  /** Per-route statement budgets: a statement of a request past its route's budget is cancelled. */
  statementTimeouts: Record<StatementBudgetKind, number>;
  /** Expensive reads (listings, searches, reports, exports) running at once: the rest of the pool stays free. */
  heavyReadConcurrency: number;
  /** How long an expensive read may wait for its turn before a 503. */
  heavyReadWaitMs: number;
  /** Per e-mail address: attempts before a lock, first lock and cap (doubling in between), failure window. */
  loginPolicy: { failuresBeforeLock: number; baseLockSeconds: number; maxLockSeconds: number; windowSeconds: number };
  /** Proxies whose X-Forwarded-For is believed (Express "trust proxy" list: IPs, CIDRs, loopback...). */
  trustedProxies: string[];
  /** Process stored webhook events in this process (turn off on replicas that should only receive). */
  webhookWorkerEnabled: boolean;
  /** Events processed in parallel by this process's worker (each in its own transaction). */
  webhookWorkerConcurrency: number;
  /** A worker's claim on events lasts this long unless renewed (it is renewed every third of it while working). */
  webhookLeaseSeconds: number;
  /** WhatsApp media files: where they are kept (a directory or an S3-compatible bucket), limits, download worker. */
  media: MediaConfig;
  /** Password-reset e-mails (SMTP_*); null: links are only shown to the owner or admin who generated them. */
  smtp: SmtpConfig | null;
  /** The event stream (GET /events): comment heartbeat, access re-check, and the unsent bytes a client may lag. */
  events: { heartbeatMs: number; accessCheckMs: number; maxBufferedBytes: number };
  /** Outbound webhooks to third parties (webhook subscriptions): the delivery worker and its limits. */
  outboundWebhooks: OutboundWebhooksConfig;
}

export interface OutboundWebhooksConfig {
  /** Deliver queued webhooks from this process, polling every intervalMs. */
  workerEnabled: boolean;
  intervalMs: number;
  /** The first retry of a failed delivery waits this long, then doubles (up to an hour). */
  retryBaseMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
  /** For a whole exchange with a subscriber, connection included. */
  timeoutMs: number;
  /**
   * WEBHOOKS_ALLOW_PRIVATE_URLS: accept http:// and loopback/private targets (tests, development). Off by default:
   * a subscription URL would otherwise let any organization make this server call its own network (SSRF).
   */
  allowPrivateUrls: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export type StatementBudgetKind = 'default' | 'listing' | 'report' | 'export';

const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as NodeEnv;
  if (!NODE_ENVS.includes(nodeEnv)) problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}`);

  const port = readInt(env, 'PORT', 3000, problems);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const pgliteDataDir = resolve(env.PGLITE_DATA_DIR || '.data/pglite');

  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');
  if (!jwtSecret && nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production');

  const encryptionKey = env.ENCRYPTION_KEY ?? '';
  if (encryptionKey && encryptionKey.length < 32) problems.push('ENCRYPTION_KEY must be at least 32 characters long');
  if (!encryptionKey && nodeEnv === 'production') {
    problems.push('ENCRYPTION_KEY is required when NODE_ENV=production');
  }
  const metaGraphApiBaseUrl = (env.META_GRAPH_API_BASE_URL || 'https://graph.facebook.com/v21.0').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(metaGraphApiBaseUrl)) {
    problems.push('META_GRAPH_API_BASE_URL must start with http:// or https://');
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" must be an origin such as https://app.example.com`);
  }

  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');

  const databasePoolSize = readInt(env, 'DATABASE_POOL_SIZE', 10, problems);
  const databaseStatementTimeoutMs = readInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, problems);
  const statementTimeouts: Record<StatementBudgetKind, number> = {
    default: readInt(env, 'STATEMENT_TIMEOUT_MS', 5_000, problems),
    listing: readInt(env, 'LISTING_STATEMENT_TIMEOUT_MS', 8_000, problems),
    report: readInt(env, 'REPORT_STATEMENT_TIMEOUT_MS', 15_000, problems),
    export: readInt(env, 'EXPORT_STATEMENT_TIMEOUT_MS', 15_000, problems),
  };
  const heavyReadConcurrency = readInt(
    env,
    'HEAVY_READ_CONCURRENCY',
    Math.max(1, Math.floor(databasePoolSize / 2)),
    problems,
  );
  if (databaseUrl && databasePoolSize > 1 && heavyReadConcurrency >= databasePoolSize) {
    problems.push(
      'HEAVY_READ_CONCURRENCY must be smaller than DATABASE_POOL_SIZE (the rest serves sign-in and writes)',
    );
  }
  const trustedProxies = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const proxyProblem = trustedProxyProblem(trustedProxies);
  if (proxyProblem) problems.push(proxyProblem);

  const config: AppConfig = {
    nodeEnv,
    port,
    databaseUrl,
    databasePoolSize,
    databaseStatementTimeoutMs,
    statementTimeouts,
    heavyReadConcurrency,
    heavyReadWaitMs: readInt(env, 'HEAVY_READ_WAIT_MS', 5_000, problems),
    trustedProxies,
    loginPolicy: {
      failuresBeforeLock: readInt(env, 'LOGIN_FAILURES_BEFORE_LOCK', 5, problems),
      baseLockSeconds: readInt(env, 'LOGIN_LOCK_SECONDS', 30, problems),
      maxLockSeconds: readInt(env, 'LOGIN_MAX_LOCK_SECONDS', 900, problems),
      windowSeconds: readInt(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, problems),
    },
    pgliteDataDir,
    migrationsRun: readBool(env, 'MIGRATIONS_RUN', true, problems),
    jwtSecret,
    jwtExpiresIn: env.JWT_EXPIRES_IN || '12h',
    corsOrigins,
    logLevel,
    publicUrl,
    webDistDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : null,
    readCacheTtlMs: readInt(env, 'READ_CACHE_TTL_MS', 10_000, problems, { allowZero: true }),
    configCacheTtlMs: readInt(env, 'CONFIG_CACHE_TTL_MS', 60_000, problems, { allowZero: true }),
    events: {
      heartbeatMs: readInt(env, 'EVENTS_HEARTBEAT_MS', 20_000, problems),
      accessCheckMs: readInt(env, 'EVENTS_ACCESS_CHECK_MS', 30_000, problems),
      maxBufferedBytes: readInt(env, 'EVENTS_MAX_BUFFERED_BYTES', 1_048_576, problems),
    },
    rateLimitsEnabled: readBool(env, 'RATE_LIMITS_ENABLED', true, problems),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 1200, problems),
    authRateLimitPerMinute: readInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, problems),
    encryptionKey,
    metaGraphApiBaseUrl,
    rollupCompactIntervalMs: readInt(env, 'ROLLUP_COMPACT_INTERVAL_MS', 2_000, problems, { allowZero: true }),
    embeddedVacuumIntervalMs: readInt(env, 'EMBEDDED_VACUUM_INTERVAL_MS', 600_000, problems, { allowZero: true }),
    conversionsWorkerEnabled: readBool(env, 'CONVERSIONS_WORKER_ENABLED', true, problems),
    conversionsWorkerIntervalMs: readInt(env, 'CONVERSIONS_WORKER_INTERVAL_MS', 10_000, problems),
    repliesWorkerEnabled: readBool(env, 'REPLIES_WORKER_ENABLED', true, problems),
    repliesWorkerIntervalMs: readInt(env, 'REPLIES_WORKER_INTERVAL_MS', 1_000, problems),
    repliesWorkerConcurrency: readInt(env, 'REPLIES_WORKER_CONCURRENCY', 16, problems),
    repliesRetryBaseMs: readInt(env, 'REPLIES_RETRY_BASE_MS', 2_000, problems),
    repliesLeaseSeconds: readInt(env, 'REPLIES_LEASE_SECONDS', 60, problems),
    allowPrivateNetworkTargets: readBool(env, 'ALLOW_PRIVATE_NETWORK_TARGETS', false, problems),
    whatsappVerifyToken: env.WHATSAPP_VERIFY_TOKEN?.trim() || null,
    whatsappAppSecret: env.WHATSAPP_APP_SECRET?.trim() || null,
    webhookWorkerEnabled: readBool(env, 'WEBHOOK_WORKER_ENABLED', true, problems),
    webhookWorkerConcurrency: readInt(env, 'WEBHOOK_WORKER_CONCURRENCY', 4, problems),
    webhookLeaseSeconds: readInt(env, 'WEBHOOK_LEASE_SECONDS', 30, problems),
    media: readMediaConfig(env, problems),
    outboundWebhooks: {
      workerEnabled: readBool(env, 'WEBHOOKS_WORKER_ENABLED', true, problems),
      intervalMs: readInt(env, 'WEBHOOKS_WORKER_INTERVAL_MS', 2_000, problems),
      retryBaseMs: readInt(env, 'WEBHOOKS_RETRY_BASE_MS', 30_000, problems),
      maxAttempts: readInt(env, 'WEBHOOKS_MAX_ATTEMPTS', 8, problems),
      timeoutMs: readInt(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, problems),
      allowPrivateUrls: readBool(env, 'WEBHOOKS_ALLOW_PRIVATE_URLS', false, problems),
    },
    smtp: readSmtpConfig(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (!config.jwtSecret) config.jwtSecret = developmentSecret(pgliteDataDir, 'dev-jwt-secret');
  if (!config.encryptionKey) config.encryptionKey = developmentSecret(pgliteDataDir, 'dev-encryption-key');
  return config;
}
