import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { ConversionsRepository } from '../modules/conversions/conversions.repository';
import { MetaSettingsRepository } from '../modules/conversions/meta-settings.repository';
import { WebhookEventsRepository } from '../modules/whatsapp/webhook-events.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  LoginAttemptsRepository,
  ConversionsRepository,
  MetaSettingsRepository,
  WebhookEventsRepository,
];
