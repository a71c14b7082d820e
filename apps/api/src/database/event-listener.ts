import type { PGlite } from '@electric-sql/pglite';
import { Inject, Injectable, Logger, type LoggerService } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { type BackoffPolicy, backoffSeconds } from '../common/jobs/backoff';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmbeddedDataSource } from './create-data-source';

/** What a listener reports: notifications in delivery order, and that some may have been missed. */
export interface ListenerHandlers {
  notification(channel: string, payload: string): void;
  /** The connection was lost (what happens meanwhile is unknown). */
  lost(): void;
  /** Listening again after a loss. */
  resumed(): void;
}

/** A database connection that LISTENs on some channels (and can NOTIFY on them). */
export interface EventListener {
  start(): Promise<void>;
  /** NOTIFY, committed at once; rejects when not connected. */
  notify(channel: string, payload: string): Promise<void>;
  readonly connected: boolean;
  stop(): Promise<void>;
}

const RECONNECT_BACKOFF: BackoffPolicy = { baseSeconds: 0.25, capSeconds: 10, jitter: 0.3 };

/**
 * A dedicated pg.Client on DATABASE_URL (never a pooled connection: a LISTEN belongs to its session), reconnecting
 * with backoff when it is lost.
 */
export class PgEventListener implements EventListener {
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastNotify: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly channels: string[],
    private readonly handlers: ListenerHandlers,
    private readonly logger: LoggerService,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects once; when that fails the listener keeps trying in the background (the API works meanwhile). */
  async start(): Promise<void> {
    await this.connect(false);
  }

  notify(channel: string, payload: string): Promise<void> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('The event listener is not connected'));
    // One statement at a time on the connection (pg deprecates queueing them inside the client).
    const sent = this.lastNotify.then(() => client.query('SELECT pg_notify($1, $2)', [channel, payload]));
    this.lastNotify = sent.then(
      () => undefined,
      () => undefined,
    );
    return sent.then(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(afterLoss: boolean): Promise<void> {
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: 'whatrack-events' });
    client.on('notification', (n: { channel: string; payload?: string }) =>
      this.handlers.notification(n.channel, n.payload ?? ''),
    );
    client.on('error', (error) => {
      this.logger.warn?.(`Event listener connection error: ${error.message}`);
    });
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.logger.warn?.(`Event listener could not connect: ${(error as Error).message}`);
      this.schedule(afterLoss);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.failures = 0;
    this.client = client;
    if (afterLoss) this.handlers.resumed();
  }

  private lose(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.stopped) return;
    this.logger.warn?.('Event listener connection lost: reconnecting');
    this.handlers.lost();
    this.schedule(true);
  }

  private schedule(afterLoss: boolean): void {
    if (this.stopped) return;
    const delay = Math.round(backoffSeconds(++this.failures, RECONNECT_BACKOFF) * 1000);
    this.timer = setTimeout(() => void this.connect(afterLoss), delay);
    this.timer.unref();
  }
}

/**
 * The embedded database's own LISTEN (one in-process session: every write of the application is heard here).
 * Nothing else shares it, so notify() is never needed and refused.
 */
export class PgliteEventListener implements EventListener {
  private unlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly pglite: PGlite,
    private readonly channels: string[],
    private readonly handlers: ListenerHandlers,
  ) {}

  get connected(): boolean {
    return !this.pglite.closed;
  }

  async start(): Promise<void> {
    for (const channel of this.channels) {
      this.unlisten.push(await this.pglite.listen(channel, (payload) => this.handlers.notification(channel, payload)));
    }
  }

  notify(): Promise<void> {
    return Promise.reject(new Error('The embedded database has no other instance to notify'));
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = [];
    if (this.pglite.closed) return;
    for (const stop of unlisten) await stop().catch(() => undefined);
  }
}

/**
 * Opens the application's LISTEN connection on whichever database it runs: its own pg.Client on DATABASE_URL, or
 * the embedded instance. `shared` tells whether other processes may write the same database (PostgreSQL).
 */
@Injectable()
export class EventListenerFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get shared(): boolean {
    return !(this.dataSource instanceof EmbeddedDataSource);
  }

  create(channels: string[], handlers: ListenerHandlers, logger: LoggerService = new Logger('EventListener')) {
    if (this.dataSource instanceof EmbeddedDataSource) {
      return new PgliteEventListener(this.dataSource.pglite, channels, handlers);
    }
    return new PgEventListener(this.config.databaseUrl!, channels, handlers, logger);
  }
}
