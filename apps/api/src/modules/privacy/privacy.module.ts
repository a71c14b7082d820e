import { Module } from '@nestjs/common';
import { WhatsappMessageReactionsRepository } from '../conversations/whatsapp-message-reactions.repository';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { ConversionsRepository } from '../conversions/conversions.repository';
import { LeadTouchesRepository } from '../leads/lead-touches.repository';
import { LeadsRepository } from '../leads/leads.repository';
import { MediaModule } from '../media/media.module';
import { WhatsappMediaRepository } from '../media/whatsapp-media.repository';
import { WhatsappOutboxRepository } from '../replies/whatsapp-outbox.repository';
import { SalesRepository } from '../sales/sales.repository';
import { TicketEventsRepository } from '../tickets/ticket-events.repository';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TrackingClicksRepository } from '../tracking-links/tracking-clicks.repository';
import { TicketTrackingsRepository } from '../tracking/ticket-trackings.repository';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogController, PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** LGPD: a lead's export and erasure, and the audit log that records both. */
@Module({
  imports: [MediaModule],
  controllers: [PrivacyController, AuditLogController],
  providers: [
    PrivacyService,
    AuditLogRepository,
    LeadsRepository,
    LeadTouchesRepository,
    TicketsRepository,
    TicketTrackingsRepository,
    SalesRepository,
    TicketEventsRepository,
    WhatsappMessagesRepository,
    WhatsappMessageReactionsRepository,
    WhatsappMediaRepository,
    WhatsappOutboxRepository,
    ConversionsRepository,
    TrackingClicksRepository,
  ],
})
export class PrivacyModule {}
