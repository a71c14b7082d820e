import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyScope } from '@whatrack/shared';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKey } from './entities/api-key.entity';

const KEY_PREFIX = 'wtk';
/** last_used_at is refreshed at most this often, so authenticated reads do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  async create(auth: AuthContext, dto: CreateApiKeyDto): Promise<{ apiKey: ApiKey; key: string }> {
    const prefix = `${KEY_PREFIX}_${randomBytes(3).toString('hex')}`;
    const key = `${prefix}_${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.keys.save(
      this.keys.create({
        organizationId: auth.organizationId,
        name: dto.name,
        prefix,
        keyHash: hashApiKey(key),
        scopes: dto.scopes ?? [ApiKeyScope.TICKETS],
        createdByUserId: auth.userId,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { apiKey, key };
  }

  list(auth: AuthContext): Promise<ApiKey[]> {
    return this.keys.find({ where: { organizationId: auth.organizationId }, order: { createdAt: 'DESC' } });
  }

  async revoke(auth: AuthContext, id: string): Promise<void> {
    const key = await this.keys.findOneBy({ organizationId: auth.organizationId, id });
    if (!key) throw NotFoundError.of('API key', id);
    if (key.revokedAt) return;
    await this.keys.update({ organizationId: auth.organizationId, id }, { revokedAt: new Date() });
  }

  /** The active key matching a presented secret, or null. */
  async authenticate(key: string): Promise<ApiKey | null> {
    const apiKey = await this.keys.findOneBy({ keyHash: hashApiKey(key), revokedAt: IsNull() });
    if (!apiKey) return null;
    const now = Date.now();
    if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.update({ id: apiKey.id }, { lastUsedAt: new Date(now) });
    }
    return apiKey;
  }
}
