import type { UpdateWhatsappInstanceBody, WhatsappInstance } from '@whatrack/api-client';

/** The Evolution credential fields of the line form (trimmed). */
export interface EvolutionCredentialValues {
  apiUrl: string;
  /** Write-only: sent only when typed. */
  apiKey: string;
  /** 'true' sends apiKey null (the checkbox). */
  removeApiKey: string;
}

type CredentialBody = Pick<UpdateWhatsappInstanceBody, 'apiUrl' | 'apiKey'>;

/**
 * What the form sends for an Evolution line's credentials: only what changed (a URL is checked by the API when
 * sent, so an unchanged one is not sent again), a typed key, or null to remove it.
 */
export function evolutionCredentialsBody(
  instance: Pick<WhatsappInstance, 'apiUrl'> | undefined,
  values: EvolutionCredentialValues,
): CredentialBody {
  const body: CredentialBody = {};
  const apiUrl = values.apiUrl || null;
  if (apiUrl !== (instance?.apiUrl ?? null)) body.apiUrl = apiUrl;
  if (values.removeApiKey === 'true') body.apiKey = null;
  else if (values.apiKey) body.apiKey = values.apiKey;
  return body;
}

/**
 * The API never sends a saved key to another address (whoever edits the line could otherwise point it at their own
 * server): a new URL needs the key again, which the form says before the API does.
 */
export function needsKeyAgain(
  instance: Pick<WhatsappInstance, 'apiUrl' | 'hasApiKey'> | undefined,
  body: CredentialBody,
): boolean {
  return Boolean(instance?.hasApiKey && body.apiUrl && body.apiKey === undefined);
}
