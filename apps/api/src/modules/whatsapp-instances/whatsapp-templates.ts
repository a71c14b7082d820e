import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { GraphTemplates, type TemplateView } from './graph-templates';
import { type InstanceCredentials, WhatsappInstancesRepository } from './whatsapp-instances.repository';

export type { TemplateView } from './graph-templates';

/** Templates change rarely (Meta reviews them): reuse a listing this long. */
const TTL_MS = 5 * 60_000;
/** A template that is missing from a listing older than this is looked for again (it may just have been approved). */
const MISS_REFRESH_MS = 60_000;
/** Bounds the cache when many instances are listed; expired entries go first. */
const MAX_ENTRIES = 1000;

interface Entry {
  /** The WABA id and the stored token's ciphertext (a fresh IV each time it is set): a new token is a new entry. */
  fingerprint: string;
  fetchedAt: number;
  templates: Promise<TemplateView[]>;
}

/**
 * A Cloud API instance's approved message templates (Graph API), kept in memory per instance for five minutes.
 * Concurrent askers share one Graph request; a failed request is not kept. The entry is dropped as soon as the
 * instance's access token or WABA id changes, on any replica, since each call reads them first.
 */
@Injectable()
export class WhatsappTemplates {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly instances: WhatsappInstancesRepository,
    private readonly graph: GraphTemplates,
    private readonly cipher: TokenCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * By name then language. 404 for an unknown instance; 409 for an Evolution instance (templates_not_supported) or
   * one without access token or WABA id (instance_credentials_missing); then GraphTemplates' errors (502, 422).
   */
  async list(organizationId: string, instanceId: string): Promise<TemplateView[]> {
    return (await this.entry(organizationId, instanceId)).templates;
  }

  /**
   * The approved template of that name and language, or null. Uses the cache; throws BadGatewayError when the Graph
   * API cannot answer, and list's other errors.
   */
  async find(organizationId: string, instanceId: string, name: string, language: string): Promise<TemplateView | null> {
    const match = (templates: TemplateView[]) => templates.find((t) => t.name === name && t.language === language);
    const entry = await this.entry(organizationId, instanceId);
    const found = match(await entry.templates);
    if (found || this.clock.now().getTime() - entry.fetchedAt < MISS_REFRESH_MS) return found ?? null;
    if (this.cache.get(instanceId) === entry) this.cache.delete(instanceId);
    return match(await this.list(organizationId, instanceId)) ?? null;
  }

  private async entry(organizationId: string, instanceId: string): Promise<Entry> {
    const credentials = await this.instances.credentials(this.db, { organizationId, id: instanceId });
    if (!credentials) throw NotFoundError.of('WhatsApp instance', instanceId);
    const { wabaId, tokenEncrypted } = source(credentials);
    const fingerprint = `${wabaId}\n${tokenEncrypted}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(instanceId);
    if (cached && cached.fingerprint === fingerprint && now - cached.fetchedAt < TTL_MS) return cached;
    const token = this.decrypt(tokenEncrypted);
    const entry: Entry = { fingerprint, fetchedAt: now, templates: this.graph.list(wabaId, token) };
    this.store(instanceId, entry);
    entry.templates.catch(() => {
      if (this.cache.get(instanceId) === entry) this.cache.delete(instanceId);
    });
    return entry;
  }

  private store(instanceId: string, entry: Entry): void {
    this.cache.delete(instanceId);
    if (this.cache.size >= MAX_ENTRIES) {
      const now = entry.fetchedAt;
      for (const [id, e] of this.cache) if (now - e.fetchedAt >= TTL_MS) this.cache.delete(id);
      // Still full: the oldest inserted goes (Map keeps insertion order).
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(instanceId, entry);
  }

  private decrypt(stored: string): string {
    try {
      return this.cipher.decrypt(stored);
    } catch {
      throw new ConflictError(
        'The stored access token cannot be decrypted (was ENCRYPTION_KEY changed?): set accessToken again',
        undefined,
        'instance_credentials_missing',
      );
    }
  }
}

/** Where an instance's templates come from: its WABA, read with its access token. */
function source(credentials: InstanceCredentials): { wabaId: string; tokenEncrypted: string } {
  if (credentials.provider !== WhatsappProvider.CLOUD_API) {
    throw new ConflictError(
      'Message templates exist only for WhatsApp Cloud API instances (Evolution sends free text)',
      undefined,
      'templates_not_supported',
    );
  }
  const { providerBusinessAccountId: wabaId, accessTokenEncrypted: tokenEncrypted } = credentials;
  if (wabaId === null || tokenEncrypted === null) {
    const missing = [tokenEncrypted === null && 'accessToken', wabaId === null && 'providerBusinessAccountId'];
    throw new ConflictError(
      `The instance needs ${missing.filter(Boolean).join(' and ')} to list its templates: set them (PATCH)`,
      undefined,
      'instance_credentials_missing',
    );
  }
  return { wabaId, tokenEncrypted };
}
