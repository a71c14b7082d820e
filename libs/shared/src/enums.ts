/** Where a ticket came from: a paid ad click or organic traffic. */
export enum TicketSourceType {
  PAID = 'paid',
  ORGANIC = 'organic',
}

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

/** Roles allowed to manage users and API keys. */
export const MANAGER_ROLES: readonly UserRole[] = [UserRole.OWNER, UserRole.ADMIN];
