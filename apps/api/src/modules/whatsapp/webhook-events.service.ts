import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import type { WebhookEventQueryDto } from './dto/webhook-event-query.dto';
import { WebhookEvent } from './entities/webhook-event.entity';
import { WebhookWorker } from './webhook-worker';

/** The organization's stored webhook events (routed to one of its instances), newest first. */
@Injectable()
export class WebhookEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly worker: WebhookWorker,
  ) {}

  async list(auth: AuthContext, query: WebhookEventQueryDto): Promise<{ items: WebhookEvent[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(WebhookEvent, {
      where: { organizationId: auth.organizationId, ...(query.status ? { status: query.status } : {}) },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: query.pageSize,
      skip: pageOffset(query),
    });
    return { items, total };
  }

  async retry(auth: AuthContext, id: string): Promise<WebhookEvent> {
    const where = { organizationId: auth.organizationId, id };
    if (!(await this.dataSource.manager.existsBy(WebhookEvent, where))) throw NotFoundError.of('Webhook event', id);
    await this.worker.retry(id);
    return this.dataSource.manager.findOneByOrFail(WebhookEvent, where);
  }
}
