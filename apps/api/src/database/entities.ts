import { AdSpend } from '../modules/ad-spend/entities/ad-spend.entity';
import { ApiKey } from '../modules/api-keys/entities/api-key.entity';
import { LoginAttempt } from '../modules/auth/entities/login-attempt.entity';
import { PasswordResetToken } from '../modules/auth/entities/password-reset-token.entity';
import { Conversion } from '../modules/conversions/entities/conversion.entity';
import { MetaSettings } from '../modules/conversions/entities/meta-settings.entity';
import { WhatsappConversation } from '../modules/conversations/entities/whatsapp-conversation.entity';
import { WhatsappMessage } from '../modules/conversations/entities/whatsapp-message.entity';
import { WhatsappMessageReaction } from '../modules/conversations/entities/whatsapp-message-reaction.entity';
import { Lead } from '../modules/leads/entities/lead.entity';
import { LeadTouch } from '../modules/leads/entities/lead-touch.entity';
import { Organization } from '../modules/organizations/entities/organization.entity';
import { TicketNote } from '../modules/notes/entities/ticket-note.entity';
import { Sale } from '../modules/sales/entities/sale.entity';
import { TicketStage } from '../modules/stages/entities/ticket-stage.entity';
import { TicketEvent } from '../modules/tickets/entities/ticket-event.entity';
import { Ticket } from '../modules/tickets/entities/ticket.entity';
import { AdPlatform } from '../modules/tracking/entities/ad-platform.entity';
import { TicketTrackingIdentifier } from '../modules/tracking/entities/ticket-tracking-identifier.entity';
import { TicketTracking } from '../modules/tracking/entities/ticket-tracking.entity';
import { TrackingIdentifierType } from '../modules/tracking/entities/tracking-identifier-type.entity';
import { User } from '../modules/users/entities/user.entity';
import { TrackingClick } from '../modules/tracking-links/entities/tracking-click.entity';
import { TrackingLink } from '../modules/tracking-links/entities/tracking-link.entity';
import { WebhookDelivery } from '../modules/webhook-subscriptions/entities/webhook-delivery.entity';
import { WebhookSubscription } from '../modules/webhook-subscriptions/entities/webhook-subscription.entity';
import { WhatsappOutbox } from '../modules/replies/entities/whatsapp-outbox.entity';
import { WhatsappStatusOrphan } from '../modules/replies/entities/whatsapp-status-orphan.entity';
import { WebhookEvent } from '../modules/whatsapp/entities/webhook-event.entity';
import { WhatsappInstance } from '../modules/whatsapp-instances/entities/whatsapp-instance.entity';
import { WhatsappMedia } from '../modules/media/entities/whatsapp-media.entity';
import { QuickReply } from '../modules/quick-replies/entities/quick-reply.entity';
import { AuditLogEntry } from '../modules/privacy/entities/audit-log-entry.entity';

export const ENTITIES = [
  Organization,
  User,
  ApiKey,
  Lead,
  LeadTouch,
  WhatsappInstance,
  WhatsappConversation,
  WhatsappMessage,
  WhatsappMessageReaction,
  TicketStage,
  Ticket,
  TicketEvent,
  TicketNote,
  AdPlatform,
  TrackingIdentifierType,
  TicketTracking,
  TicketTrackingIdentifier,
  Sale,
  AdSpend,
  MetaSettings,
  Conversion,
  WebhookEvent,
  TrackingLink,
  TrackingClick,
  LoginAttempt,
  PasswordResetToken,
  WhatsappOutbox,
  WhatsappStatusOrphan,
  WhatsappMedia,
  QuickReply,
  WebhookSubscription,
  WebhookDelivery,
  AuditLogEntry,
];
