import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, BadGatewayError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** A person waits on the answer (PATCH of an instance): long enough for a slow Graph API, short enough to retry. */
const REQUEST_TIMEOUT_MS = 10_000;

interface GraphError {
  message?: string;
  code?: number;
  is_transient?: boolean;
}

/** Asks Meta's Graph API whether an access token controls a Cloud API phone_number_id. */
@Injectable()
export class GraphPhoneNumbers {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metaGraphApiBaseUrl'>) {}

  /**
   * Resolves when `GET {graph}/{phoneNumberId}` with the token answers for that very id: only a token of the number's
   * WhatsApp Business Account can read it. Throws InvalidInputError on `field` (saying `refused`) when the Graph API
   * refuses the token for the id, and BadGatewayError when it cannot tell (unreachable, timeout, 5xx, rate limit). Never
   * puts the token in a message: it travels in the Authorization header only.
   */
  async assertControls(
    phoneNumberId: string,
    token: string,
    { field, refused }: { field: string; refused: string },
  ): Promise<void> {
    const url = `${this.config.metaGraphApiBaseUrl}/${encodeURIComponent(phoneNumberId)}?fields=id,display_phone_number,verified_name`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = error instanceof Error ? error.name : 'Error';
      throw new BadGatewayError(
        `The Graph API could not be reached to verify ${field} (${cause ?? reason}); nothing was saved, try again`,
      );
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; error?: GraphError } | null;
    if (response.ok && body?.id === phoneNumberId) return;
    if (response.status === 429 || response.status >= 500 || body?.error?.is_transient) {
      throw new BadGatewayError(
        `The Graph API answered ${response.status} while verifying ${field}; nothing was saved, try again`,
      );
    }
    const code = body?.error?.code === undefined ? '' : ` (Graph API error ${body.error.code})`;
    throw InvalidInputError.field(field, `${refused}${code}`, 'token_refused');
  }
}
