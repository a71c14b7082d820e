import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { Db } from '../../database/db';
import type { WebhookEventQueryDto } from './dto/webhook-event-query.dto';
import { WebhookEventsRepository } from './webhook-events.repository';
import type { WebhookEventView } from './webhook-events.sql';
import { WebhookWorker } from './webhook-worker';

/** The organization's stored webhook events (routed to one of its instances), newest first. */
@Injectable()
export class WebhookEventsService {
  constructor(
    private readonly db: Db,
    private readonly events: WebhookEventsRepository,
    private readonly worker: WebhookWorker,
  ) {}

  list(auth: AuthContext, query: WebhookEventQueryDto): Promise<{ items: WebhookEventView[]; total: number }> {
    return this.events.list(this.db, {
      organizationId: auth.organizationId,
      ...(query.status ? { status: query.status } : {}),
      limit: query.pageSize,
      offset: pageOffset(query),
    });
  }

  async retry(auth: AuthContext, id: string): Promise<WebhookEventView> {
    const key = { organizationId: auth.organizationId, id };
    if (!(await this.events.find(this.db, key))) throw NotFoundError.of('Webhook event', id);
    await this.worker.retry(id);
    const event = await this.events.find(this.db, key);
    if (!event) throw NotFoundError.of('Webhook event', id);
    return event;
  }
}
