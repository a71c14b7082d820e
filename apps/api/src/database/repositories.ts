import { AdSpendRepository } from '../modules/ad-spend/ad-spend.repository';
import { ApiKeysRepository } from '../modules/api-keys/api-keys.repository';
import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { PasswordResetTokensRepository } from '../modules/auth/password-reset-tokens.repository';
import { WhatsappConversationsRepository } from '../modules/conversations/whatsapp-conversations.repository';
import { WhatsappMessageReactionsRepository } from '../modules/conversations/whatsapp-message-reactions.repository';
import { WhatsappMessagesRepository } from '../modules/conversations/whatsapp-messages.repository';
import { ConversionsRepository } from '../modules/conversions/conversions.repository';
import { MetaSettingsRepository } from '../modules/conversions/meta-settings.repository';
import { HealthRepository } from '../modules/health/health.repository';
import { LeadTouchesRepository } from '../modules/leads/lead-touches.repository';
import { LeadsRepository } from '../modules/leads/leads.repository';
import { DatabaseMaintenanceRepository } from '../modules/maintenance/database-maintenance.repository';
import { TicketNotesRepository } from '../modules/notes/ticket-notes.repository';
import { WhatsappMediaRepository } from '../modules/media/whatsapp-media.repository';
import { OrganizationsRepository } from '../modules/organizations/organizations.repository';
import { AuditLogRepository } from '../modules/privacy/audit-log.repository';
import { AttributionReportRepository } from '../modules/reports/attribution-report.repository';
import { FunnelReportRepository } from '../modules/reports/funnel-report.repository';
import { SupportReportRepository } from '../modules/reports/support-report.repository';
import { TimeseriesReportRepository } from '../modules/reports/timeseries-report.repository';
import { QuickRepliesRepository } from '../modules/quick-replies/quick-replies.repository';
import { WhatsappOutboxRepository } from '../modules/replies/whatsapp-outbox.repository';
import { WhatsappStatusOrphansRepository } from '../modules/replies/whatsapp-status-orphans.repository';
import { SalesRepository } from '../modules/sales/sales.repository';
import { TicketStagesRepository } from '../modules/stages/ticket-stages.repository';
import { TicketReachRepository } from '../modules/ticket-rollups/ticket-reach.repository';
import { TicketRollupsRepository } from '../modules/ticket-rollups/ticket-rollups.repository';
import { TicketEventsRepository } from '../modules/tickets/ticket-events.repository';
import { TicketQueueRepository } from '../modules/tickets/ticket-queue.repository';
import { TicketStageMovesRepository } from '../modules/tickets/ticket-stage-moves.repository';
import { TicketsRepository } from '../modules/tickets/tickets.repository';
import { TrackingClicksRepository } from '../modules/tracking-links/tracking-clicks.repository';
import { TrackingLinksRepository } from '../modules/tracking-links/tracking-links.repository';
import { TicketTrackingsRepository } from '../modules/tracking/ticket-trackings.repository';
import { TrackingIdentifierTypesRepository } from '../modules/tracking/tracking-identifier-types.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { WhatsappInstancesRepository } from '../modules/whatsapp-instances/whatsapp-instances.repository';
import { WebhookDeliveriesRepository } from '../modules/webhook-subscriptions/webhook-deliveries.repository';
import { WebhookSubscriptionsRepository } from '../modules/webhook-subscriptions/webhook-subscriptions.repository';
import { WebhookEventsRepository } from '../modules/whatsapp/webhook-events.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  AdSpendRepository,
  ApiKeysRepository,
  AttributionReportRepository,
  AuditLogRepository,
  ConversionsRepository,
  DatabaseMaintenanceRepository,
  FunnelReportRepository,
  HealthRepository,
  LeadTouchesRepository,
  LeadsRepository,
  LoginAttemptsRepository,
  MetaSettingsRepository,
  OrganizationsRepository,
  PasswordResetTokensRepository,
  QuickRepliesRepository,
  SalesRepository,
  SupportReportRepository,
  TicketEventsRepository,
  TicketNotesRepository,
  TicketQueueRepository,
  TicketReachRepository,
  TicketRollupsRepository,
  TicketStageMovesRepository,
  TicketStagesRepository,
  TicketTrackingsRepository,
  TicketsRepository,
  TimeseriesReportRepository,
  TrackingClicksRepository,
  TrackingIdentifierTypesRepository,
  TrackingLinksRepository,
  UsersRepository,
  WebhookDeliveriesRepository,
  WebhookEventsRepository,
  WebhookSubscriptionsRepository,
  WhatsappOutboxRepository,
  WhatsappStatusOrphansRepository,
  WhatsappConversationsRepository,
  WhatsappInstancesRepository,
  WhatsappMessageReactionsRepository,
  WhatsappMediaRepository,
  WhatsappMessagesRepository,
];
