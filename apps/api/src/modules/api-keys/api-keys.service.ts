import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyScope } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError, UnauthorizedError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { type ApiKeyRow, ApiKeysRepository } from './api-keys.repository';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';

const KEY_PREFIX = 'wtk';
/** last_used_at is refreshed at most this often, so authenticated reads do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: Db,
    private readonly keys: ApiKeysRepository,
  ) {}

  async create(auth: AuthContext, dto: CreateApiKeyDto): Promise<{ apiKey: ApiKeyRow; key: string }> {
    const prefix = `${KEY_PREFIX}_${randomBytes(3).toString('hex')}`;
    const key = `${prefix}_${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.keys.insert(this.db, {
      organizationId: auth.organizationId,
      name: dto.name,
      prefix,
      keyHash: hashApiKey(key),
      scopes: dto.scopes ?? [ApiKeyScope.TICKETS],
      createdByUserId: auth.userId,
    });
    return { apiKey, key };
  }

  list(auth: AuthContext): Promise<ApiKeyRow[]> {
    return this.keys.list(this.db, { organizationId: auth.organizationId });
  }

  async revoke(auth: AuthContext, id: string): Promise<void> {
    const key = await this.keys.findById(this.db, { organizationId: auth.organizationId, id });
    if (!key) throw NotFoundError.of('API key', id);
    if (key.revokedAt) return;
    await this.keys.revoke(this.db, { organizationId: auth.organizationId, id, at: new Date() });
  }

  /**
   * Whether the organization's key still works (not revoked, not deleted, its creator not deactivated): long-lived
   * streams re-check it.
   */
  async isActive(organizationId: string, id: string): Promise<boolean> {
    const key = await this.keys.findById(this.db, { organizationId, id });
    return key !== undefined && key.revokedAt === null && key.creatorActive;
  }

  /**
   * The active key matching a presented secret, or null. A key whose creator is deactivated is refused with its own
   * code (it works again once they are reactivated): an integration someone set up leaves with them.
   */
  async authenticate(key: string): Promise<ApiKeyRow | null> {
    const apiKey = await this.keys.findActiveByHash(this.db, { keyHash: hashApiKey(key) });
    if (!apiKey) return null;
    if (!apiKey.creatorActive) {
      throw new UnauthorizedError(
        'This API key was created by a user who is deactivated: it works again if they are reactivated',
        undefined,
        'api_key_creator_deactivated',
      );
    }
    const now = Date.now();
    if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.touchLastUsed(this.db, {
        organizationId: apiKey.organizationId,
        id: apiKey.id,
        at: new Date(now),
      });
    }
    return apiKey;
  }
}
