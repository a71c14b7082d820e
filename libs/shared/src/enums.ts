/** Where a ticket came from: a paid ad click or organic traffic. */
export enum TicketSourceType {
  PAID = 'paid',
  ORGANIC = 'organic',
}

export const TICKET_SOURCE_TYPES: readonly TicketSourceType[] = [TicketSourceType.PAID, TicketSourceType.ORGANIC];

/** Who created a ticket: an agent/API caller, or the WhatsApp ingestion. */
export enum TicketCreatorType {
  USER = 'USER',
  SYSTEM = 'SYSTEM',
}

export enum TicketStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}

export enum UserRole {
  OWNER = 'owner',
  ADMIN = 'admin',
  AGENT = 'agent',
}

export enum WhatsappProvider {
  CLOUD_API = 'cloud_api',
  EVOLUTION = 'evolution',
}

export const WHATSAPP_PROVIDERS: readonly WhatsappProvider[] = [WhatsappProvider.CLOUD_API, WhatsappProvider.EVOLUTION];

export enum MessageDirection {
  IN = 'in',
  OUT = 'out',
}

export enum TicketEventType {
  CREATED = 'created',
  STAGE_CHANGED = 'stage_changed',
  ASSIGNED = 'assigned',
  DEAL_VALUE_CHANGED = 'deal_value_changed',
  SALE_ADDED = 'sale_added',
}

/** Roles a manager may give a new user (the owner is the one who signed the organization up). */
export const ASSIGNABLE_ROLES = [UserRole.ADMIN, UserRole.AGENT] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** Roles allowed to manage users and API keys. */
export const MANAGER_ROLES: readonly UserRole[] = [UserRole.OWNER, UserRole.ADMIN];

/**
 * What an API key may do, chosen when it is created. Each scope includes the ones before it: `read` (every GET),
 * `tickets` (also create and update tickets, leads and sales), `admin` (also configure stages, WhatsApp lines,
 * ad spend, tracking links, conversions and quick replies, delete sales). Users and API keys are managed by people only.
 */
export enum ApiKeyScope {
  READ = 'read',
  TICKETS = 'tickets',
  ADMIN = 'admin',
}

export const API_KEY_SCOPES: readonly ApiKeyScope[] = [ApiKeyScope.READ, ApiKeyScope.TICKETS, ApiKeyScope.ADMIN];

/** Whether keys with `granted` scopes may act where `required` is needed (a scope includes the lower ones). */
export function scopeAllows(granted: readonly ApiKeyScope[], required: ApiKeyScope): boolean {
  const rank = API_KEY_SCOPES.indexOf(required);
  return granted.some((scope) => API_KEY_SCOPES.indexOf(scope) >= rank);
}
