import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyListResponseDto, ApiKeyResponseDto, CreatedApiKeyResponseDto } from './dto/api-key-response.dto';

@ApiTags('api-keys')
@Controller('api-keys')
@Roles(UserRole.OWNER, UserRole.ADMIN)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key; the key is returned only once' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  async create(@Auth() auth: AuthContext, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { apiKey, key } = await this.apiKeys.create(auth, dto);
    return { ...ApiKeyResponseDto.from(apiKey), key };
  }

  @Get()
  @ApiOperation({ operationId: 'listApiKeys', summary: "The organization's API keys (never their secrets)" })
  @ApiOkResponse({ type: ApiKeyListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<ApiKeyListResponseDto> {
    const keys = await this.apiKeys.list(auth);
    return { items: keys.map((k) => ApiKeyResponseDto.from(k)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key; requests with it fail from now on' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.apiKeys.revoke(auth, id);
  }
}
