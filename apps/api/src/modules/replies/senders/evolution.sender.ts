import { Inject, Injectable } from '@nestjs/common';
import { publicRequest } from '../../../common/http/public-target';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type { ReplyPayload } from '../reply-payload';
import { DeliveryError, networkFailure } from './delivery-error';
import type { ReplySender, SendTarget } from './reply-sender';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends replies through an Evolution API (v2) gateway: `POST {apiUrl}/message/sendText/{instance}` with the `apikey`
 * header and `{ number, text }`. The URL is the organization's, so the request goes through publicRequest: the
 * address it connects to is checked (no loopback or private network unless ALLOW_PRIVATE_NETWORK_TARGETS).
 */
@Injectable()
export class EvolutionSender implements ReplySender {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'allowPrivateNetworkTargets'>) {}

  async send(target: SendTarget, payload: ReplyPayload): Promise<{ providerMessageId: string }> {
    if (payload.kind !== 'text') throw new DeliveryError('Evolution API lines send free text only', true);
    if (!target.apiUrl || !target.apiKey) {
      throw new DeliveryError(
        'The WhatsApp line has no Evolution API URL and key: set them in Settings → WhatsApp',
        true,
      );
    }
    const url = `${target.apiUrl.replace(/\/+$/, '')}/message/sendText/${encodeURIComponent(target.providerPhoneNumberId)}`;
    let response: { status: number; text: string };
    try {
      response = await publicRequest(url, {
        method: 'POST',
        headers: { apikey: target.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ number: target.to, text: payload.text }),
        timeoutMs: REQUEST_TIMEOUT_MS,
        allowPrivate: this.config.allowPrivateNetworkTargets,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_PRIVATE_TARGET') {
        throw new DeliveryError('The Evolution API URL points at a private network address', true);
      }
      throw networkFailure('The Evolution API', error);
    }
    const body = parseJson(response.text) as { key?: { id?: unknown }; response?: { message?: unknown } } | null;
    const id = body?.key?.id;
    if (response.status >= 200 && response.status < 300 && typeof id === 'string' && id) {
      return { providerMessageId: id };
    }
    const detail = describe(body?.response?.message) ?? `The Evolution API answered ${response.status}`;
    const transient = response.status >= 500 || response.status === 429;
    throw new DeliveryError(detail.slice(0, 500), !transient, String(response.status));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Evolution's error message: a string, a list of strings, or `[{ exists: false, number }]` for an unknown number. */
function describe(message: unknown): string | null {
  if (typeof message === 'string') return message;
  if (!Array.isArray(message)) return null;
  const parts = message.map((m) => {
    if (typeof m === 'string') return m;
    const item = m as { exists?: unknown; number?: unknown };
    return item.exists === false && typeof item.number === 'string'
      ? `The number ${item.number} is not on WhatsApp`
      : JSON.stringify(m);
  });
  return parts.join('; ') || null;
}
