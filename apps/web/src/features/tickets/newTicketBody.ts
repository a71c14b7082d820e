import type { CreateTicketBody } from '@whatrack/api-client';
import { parseMoneyInput } from '../../lib/money';

export const TRACKING_FIELDS = [
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'gclid',
  'fbclid',
  'ctwaclid',
] as const;

export type NewTicketValues = Record<(typeof TRACKING_FIELDS)[number], string> & {
  name: string;
  phone: string;
  email: string;
  stageId: string;
  assigneeId: string;
  dealValue: string;
  sourceType: '' | 'paid' | 'organic';
  instanceId: string;
};

export const EMPTY_NEW_TICKET: NewTicketValues = {
  name: '',
  phone: '',
  email: '',
  stageId: '',
  assigneeId: '',
  dealValue: '',
  sourceType: '',
  instanceId: '',
  ...(Object.fromEntries(TRACKING_FIELDS.map((field) => [field, ''])) as Record<
    (typeof TRACKING_FIELDS)[number],
    string
  >),
};

export type NewTicketIssue = 'contactRequired' | 'email' | 'money';
export type NewTicketIssues = Partial<Record<keyof NewTicketValues, NewTicketIssue>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the form and builds the POST /tickets body (empty fields left out, so the API applies its defaults). */
export function buildNewTicketBody(values: NewTicketValues): { body: CreateTicketBody } | { issues: NewTicketIssues } {
  const issues: NewTicketIssues = {};
  const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])) as NewTicketValues;
  if (!trimmed.phone && !trimmed.email) issues.phone = 'contactRequired';
  if (trimmed.email && !EMAIL.test(trimmed.email)) issues.email = 'email';
  const dealValue = trimmed.dealValue ? parseMoneyInput(trimmed.dealValue) : undefined;
  if (dealValue === null || (dealValue !== undefined && dealValue < 0)) issues.dealValue = 'money';
  if (Object.keys(issues).length > 0) return { issues };

  const pick = <K extends keyof NewTicketValues>(keys: readonly K[]) =>
    Object.fromEntries(keys.filter((key) => trimmed[key] !== '').map((key) => [key, trimmed[key]]));
  const body: CreateTicketBody = {
    lead: pick(['name', 'phone', 'email']),
    ticket: {
      ...pick([...TRACKING_FIELDS, 'stageId', 'assigneeId']),
      ...(trimmed.sourceType ? { sourceType: trimmed.sourceType } : {}),
      ...(dealValue !== undefined && dealValue !== null ? { dealValue } : {}),
    },
  };
  if (trimmed.instanceId) body.instanceId = trimmed.instanceId;
  return { body };
}
