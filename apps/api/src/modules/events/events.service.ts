import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { UsersService } from '../users/users.service';
import { EventBus } from './event-bus';
import { EventStream } from './event-stream';

const RETRY = 'retry: 2000\n\n';
const RESYNC = 'event: resync\ndata: {}\n\n';
/** setTimeout's longest delay; a later expiry is re-armed by the access check long before. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Last-Event-ID values longer than this are not ids of ours. */
const MAX_EVENT_ID_LENGTH = 32;

const ready = (resumed: boolean) => `event: ready\ndata: ${JSON.stringify({ resumed })}\n\n`;

/**
 * GET /events: one organization's realtime events as server-sent events (frames and close rules in the README's
 * "Realtime events").
 */
@Injectable()
export class EventsService implements OnModuleDestroy {
  private readonly streams = new Set<EventStream>();

  constructor(
    private readonly bus: EventBus,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  stream(auth: AuthContext, lastEventId: string | undefined, res: Response): void {
    const { heartbeatMs, accessCheckMs, maxBufferedBytes } = this.config.events;
    const stream = new EventStream(res, maxBufferedBytes);
    stream.open();
    stream.write(RETRY);
    const resumeFrom = lastEventId && lastEventId.length <= MAX_EVENT_ID_LENGTH ? lastEventId : null;
    const { replay, unsubscribe } = this.bus.subscribe(auth.organizationId, resumeFrom, {
      frames: (frames) => stream.write(frames),
      gap: () => stream.write(RESYNC),
    });
    for (const event of replay ?? []) stream.write(event.frame);
    stream.write(ready(replay !== null));

    this.streams.add(stream);
    const heartbeat = setInterval(() => stream.ping(), heartbeatMs);
    const accessCheck = setInterval(() => void this.checkAccess(auth, stream), accessCheckMs);
    const expiry = auth.expiresAt
      ? setTimeout(() => stream.end(), Math.min(Math.max(auth.expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS))
      : null;
    stream.onClose(() => {
      this.streams.delete(stream);
      unsubscribe();
      clearInterval(heartbeat);
      clearInterval(accessCheck);
      if (expiry) clearTimeout(expiry);
    });
  }

  /** At shutdown every stream ends, so the HTTP server can close (clients reconnect to another instance). */
  onModuleDestroy(): void {
    for (const stream of [...this.streams]) stream.end();
  }

  /** Ends the stream once its user is gone or deactivated or its API key revoked; a failed check (database down) keeps it. */
  private async checkAccess(auth: AuthContext, stream: EventStream): Promise<void> {
    try {
      const allowed =
        auth.principal === 'api_key'
          ? await this.apiKeys.isActive(auth.organizationId, auth.apiKeyId!)
          : (await this.users.findInOrganization(auth.organizationId, auth.userId!))?.active === true;
      if (!allowed) stream.end();
    } catch {
      // Checked again at the next interval.
    }
  }
}
