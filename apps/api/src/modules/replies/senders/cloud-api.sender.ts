import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type { ReplyPayload } from '../reply-payload';
import { DeliveryError, networkFailure } from './delivery-error';
import type { ReplySender, SendTarget } from './reply-sender';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Graph API error codes worth retrying (Meta's "Error codes" reference): throttling (4, 80007, 130429, 131048,
 * 131056), temporary errors (1, 2, 131000, 131016, 133004). Any other 4xx answer is about this message or this
 * account and fails it at once (e.g. 131047, outside the 24-hour window; 131026, undeliverable; 132001, no such template).
 */
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

interface GraphError {
  message?: string;
  code?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  error_data?: { details?: string };
}

/** Sends replies through Meta's WhatsApp Cloud API: `POST {graph}/{phone_number_id}/messages`, Bearer token. */
@Injectable()
export class CloudApiSender implements ReplySender {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metaGraphApiBaseUrl'>) {}

  async send(target: SendTarget, payload: ReplyPayload): Promise<{ providerMessageId: string }> {
    if (!target.accessToken) {
      throw new DeliveryError('The WhatsApp line has no access token: set it in Settings → WhatsApp', true);
    }
    const url = `${this.config.metaGraphApiBaseUrl}/${encodeURIComponent(target.providerPhoneNumberId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(cloudMessage(target.to, payload)),
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw networkFailure('The Graph API', error);
    }
    const body = (await response.json().catch(() => null)) as {
      messages?: { id?: unknown }[];
      error?: GraphError;
    } | null;
    const id = body?.messages?.[0]?.id;
    if (response.ok && typeof id === 'string' && id.length > 0) return { providerMessageId: id };
    throw graphFailure(response.status, body?.error);
  }
}

/** The Cloud API message object of a reply. */
export function cloudMessage(to: string, payload: ReplyPayload): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (payload.kind === 'text') return { ...base, type: 'text', text: { preview_url: false, body: payload.text } };
  const components =
    payload.variables.length > 0
      ? [{ type: 'body', parameters: payload.variables.map((text) => ({ type: 'text', text })) }]
      : [];
  return {
    ...base,
    type: 'template',
    template: { name: payload.name, language: { code: payload.language }, components },
  };
}

function graphFailure(status: number, error: GraphError | undefined): DeliveryError {
  const code = error?.code;
  const title =
    error?.error_user_title ?? error?.error_data?.details ?? error?.message ?? `The Graph API answered ${status}`;
  const transient =
    status >= 500 ||
    status === 429 ||
    error?.is_transient === true ||
    (code !== undefined && TRANSIENT_CODES.has(code));
  return new DeliveryError(title.slice(0, 500), !transient, code === undefined ? null : String(code));
}
