import { ApiKeysRepository } from '../modules/api-keys/api-keys.repository';
import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { WhatsappConversationsRepository } from '../modules/conversations/whatsapp-conversations.repository';
import { HealthRepository } from '../modules/health/health.repository';
import { LeadsRepository } from '../modules/leads/leads.repository';
import { OrganizationsRepository } from '../modules/organizations/organizations.repository';
import { TicketEventsRepository } from '../modules/tickets/ticket-events.repository';
import { TicketsRepository } from '../modules/tickets/tickets.repository';
import { TrackingClicksRepository } from '../modules/tracking-links/tracking-clicks.repository';
import { TrackingLinksRepository } from '../modules/tracking-links/tracking-links.repository';
import { TicketTrackingsRepository } from '../modules/tracking/ticket-trackings.repository';
import { TrackingIdentifierTypesRepository } from '../modules/tracking/tracking-identifier-types.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { WhatsappInstancesRepository } from '../modules/whatsapp-instances/whatsapp-instances.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  ApiKeysRepository,
  HealthRepository,
  LeadsRepository,
  LoginAttemptsRepository,
  OrganizationsRepository,
  TicketEventsRepository,
  TicketTrackingsRepository,
  TicketsRepository,
  TrackingClicksRepository,
  TrackingIdentifierTypesRepository,
  TrackingLinksRepository,
  UsersRepository,
  WhatsappConversationsRepository,
  WhatsappInstancesRepository,
];
