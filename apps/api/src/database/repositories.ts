import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { WhatsappConversationsRepository } from '../modules/conversations/whatsapp-conversations.repository';
import { TicketEventsRepository } from '../modules/tickets/ticket-events.repository';
import { TicketsRepository } from '../modules/tickets/tickets.repository';
import { TicketTrackingsRepository } from '../modules/tracking/ticket-trackings.repository';
import { TrackingIdentifierTypesRepository } from '../modules/tracking/tracking-identifier-types.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  LoginAttemptsRepository,
  TicketsRepository,
  TicketEventsRepository,
  TicketTrackingsRepository,
  TrackingIdentifierTypesRepository,
  WhatsappConversationsRepository,
];
