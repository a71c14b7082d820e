import { Injectable } from '@nestjs/common';
import { ASSIGNED_TO_ME } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import type { TicketViewCountsDto } from './dto/ticket-queue.dto';
import { TicketRollupsRepository } from '../ticket-rollups/ticket-rollups.repository';
import { TicketQueueRepository } from './ticket-queue.repository';

/** What an agent's queue needs besides the listing: marking a ticket read, the views' counts, who "me" is. */
@Injectable()
export class TicketQueueService {
  constructor(
    private readonly db: Db,
    private readonly cache: OrgReadCache,
    private readonly queue: TicketQueueRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly rollups: TicketRollupsRepository,
  ) {}

  /** The ticket read by the whole team (unread 0). */
  async markRead(auth: AuthContext, id: string): Promise<void> {
    const found = await this.queue.markRead(this.db, { organizationId: auth.organizationId, id });
    if (!found) throw NotFoundError.of('Ticket', id);
  }

  /** The counts of the views over the organization's open tickets (queue cells), reused between writes. */
  async viewCounts(auth: AuthContext): Promise<TicketViewCountsDto> {
    const userId = await this.callerUserId(auth);
    return this.cache.get(auth.organizationId, `tickets.views ${userId}`, () =>
      this.rollups.queueViewCounts(this.db, { organizationId: auth.organizationId, userId }),
    );
  }

  /** An assigneeId filter with `me` resolved to the caller's user (null: nobody, e.g. a key whose creator left). */
  async assigneeFilter(auth: AuthContext, assigneeId: string | undefined): Promise<string | null | undefined> {
    return assigneeId === ASSIGNED_TO_ME ? this.callerUserId(auth) : assigneeId;
  }

  /** The caller's user: a person's own, an API key's creator. */
  private async callerUserId(auth: AuthContext): Promise<string | null> {
    if (auth.userId) return auth.userId;
    if (!auth.apiKeyId) return null;
    const key = await this.apiKeys.findById(this.db, { organizationId: auth.organizationId, id: auth.apiKeyId });
    return key?.createdByUserId ?? null;
  }
}
