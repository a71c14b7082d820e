import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { UserRole } from '@whatrack/shared';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import type { AuthContext } from '../../../common/auth/auth-context';
import { API_KEY_STRATEGY } from '../../../common/auth/authentication.guard';
import { ApiKeysService } from '../../api-keys/api-keys.service';

export const API_KEY_HEADER = 'x-api-key';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(req: Request): Promise<AuthContext | false> {
    const key = req.header(API_KEY_HEADER);
    if (!key) return false;
    const apiKey = await this.apiKeys.authenticate(key);
    if (!apiKey) return false;
    return {
      organizationId: apiKey.organizationId,
      principal: 'api_key',
      userId: null,
      apiKeyId: apiKey.id,
      role: UserRole.AGENT,
      scopes: apiKey.scopes,
      actorName: `API key ${apiKey.name}`,
    };
  }
}
