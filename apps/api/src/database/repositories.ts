import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { WhatsappConversationsRepository } from '../modules/conversations/whatsapp-conversations.repository';
import { WhatsappMessagesRepository } from '../modules/conversations/whatsapp-messages.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  LoginAttemptsRepository,
  WhatsappConversationsRepository,
  WhatsappMessagesRepository,
];
