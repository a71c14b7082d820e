import type { WhatsappProvider } from '@whatrack/shared';

/** The row types of WhatsappInstancesRepository. */

/**
 * An instance's columns as read by default: never its webhook token, access token or API key (see instanceStates
 * and credentials).
 */
export interface WhatsappInstanceRow {
  id: string;
  organizationId: string;
  name: string;
  phoneNumber: string;
  provider: WhatsappProvider;
  providerPhoneNumberId: string | null;
  providerBusinessAccountId: string | null;
  verifiedAt: Date | null;
  /** Evolution: base URL of its server. */
  apiUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWhatsappInstanceRow {
  organizationId: string;
  name: string;
  phoneNumber: string;
  provider: WhatsappProvider;
  providerPhoneNumberId: string | null;
  providerBusinessAccountId: string | null;
  webhookToken: string;
  apiUrl: string | null;
  /** TokenCipher output, or null. */
  apiKeyEncrypted: string | null;
}

/** What an update may write; accessTokenEncrypted and apiKeyEncrypted only ever hold TokenCipher output (or null). */
export interface WhatsappInstancePatch {
  name?: string;
  phoneNumber?: string;
  providerPhoneNumberId?: string | null;
  providerBusinessAccountId?: string | null;
  accessTokenEncrypted?: string | null;
  verifiedAt?: Date | null;
  apiUrl?: string | null;
  apiKeyEncrypted?: string | null;
}

export const INSTANCE_COLUMNS = [
  'whatsapp_instances.id',
  'whatsapp_instances.organization_id as organizationId',
  'whatsapp_instances.name',
  'whatsapp_instances.phone_number as phoneNumber',
  'whatsapp_instances.provider',
  'whatsapp_instances.provider_phone_number_id as providerPhoneNumberId',
  'whatsapp_instances.provider_business_account_id as providerBusinessAccountId',
  'whatsapp_instances.verified_at as verifiedAt',
  'whatsapp_instances.api_url as apiUrl',
  'whatsapp_instances.created_at as createdAt',
  'whatsapp_instances.updated_at as updatedAt',
] as const;

export type Typed = { provider: WhatsappProvider };

export interface InstanceStateRow {
  id: string;
  webhookToken: string | null;
  hasAccessToken: boolean;
  hasApiKey: boolean;
  verified: boolean;
  conflicting: boolean;
}
