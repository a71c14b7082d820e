import { Inject, Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { assertPublicUrl } from '../../common/http/public-target';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { API_URL_MAX_LENGTH } from './dto/create-whatsapp-instance.dto';

/** The credential fields of a create or update body. */
export interface EvolutionCredentialsInput {
  apiUrl?: string | null;
  apiKey?: string | null;
}

/** The columns they write (absent: unchanged). */
export interface EvolutionCredentialsPatch {
  apiUrl?: string | null;
  apiKeyEncrypted?: string | null;
}

/**
 * An Evolution instance's credentials for sending: the URL of its server (typed by the organization, so checked to
 * be public) and its API key (encrypted like the Cloud API access token, write-only).
 */
@Injectable()
export class EvolutionCredentials {
  constructor(
    private readonly cipher: TokenCipher,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'allowPrivateNetworkTargets'>,
  ) {}

  /**
   * What the body writes; called before the write's transaction, since resolving the URL's host may be slow. 400 on
   * the field when it is given for a Cloud API instance (which sends through the server's Graph API) or is not an
   * acceptable URL.
   */
  async plan(provider: WhatsappProvider, input: EvolutionCredentialsInput): Promise<EvolutionCredentialsPatch> {
    for (const field of ['apiUrl', 'apiKey'] as const) {
      if (input[field] !== undefined && provider !== WhatsappProvider.EVOLUTION) {
        throw InvalidInputError.field(field, `${field} is only accepted for provider evolution`);
      }
    }
    const patch: EvolutionCredentialsPatch = {};
    if (input.apiUrl !== undefined) patch.apiUrl = input.apiUrl === null ? null : await this.baseUrl(input.apiUrl);
    if (input.apiKey !== undefined) {
      patch.apiKeyEncrypted = input.apiKey === null ? null : this.cipher.encrypt(input.apiKey);
    }
    return patch;
  }

  /**
   * A stored key is only ever sent to the URL it was entered with: otherwise whoever may edit the instance could
   * point it at a server of theirs and receive the key, which the API never shows. Call inside the transaction.
   */
  assertKeyFollowsUrl(
    current: { apiUrl: string | null; hasApiKey: boolean },
    input: EvolutionCredentialsInput,
    patch: EvolutionCredentialsPatch,
  ): void {
    const movesUrl = patch.apiUrl !== undefined && patch.apiUrl !== null && patch.apiUrl !== current.apiUrl;
    if (movesUrl && current.hasApiKey && input.apiKey === undefined) {
      throw InvalidInputError.field(
        'apiKey',
        'apiKey must be sent again (or null) when apiUrl changes: the stored key is never sent to another server',
        'required',
      );
    }
  }

  /** The URL as stored: checked, without a trailing slash (paths are appended to it), no query or fragment. */
  private async baseUrl(value: string): Promise<string> {
    await assertPublicUrl(value, 'apiUrl', this.config.allowPrivateNetworkTargets);
    const url = new URL(value);
    if (url.search || url.hash) {
      throw InvalidInputError.field('apiUrl', 'apiUrl must be a base URL, without ?query or #fragment', 'invalid_url');
    }
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    // An international host name grows when written in punycode.
    if (base.length > API_URL_MAX_LENGTH) {
      throw InvalidInputError.field('apiUrl', `apiUrl must have at most ${API_URL_MAX_LENGTH} characters`);
    }
    return base;
  }
}
