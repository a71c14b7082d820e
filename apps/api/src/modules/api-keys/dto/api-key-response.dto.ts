import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyScope } from '@whatrack/shared';
import type { ApiKeyRow } from '../api-keys.repository';

export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Integração do site' })
  name: string;

  @ApiProperty({ example: 'wtk_3f9a2c', description: 'The first characters of the key, to tell keys apart' })
  prefix: string;

  @ApiProperty({ enum: ApiKeyScope, enumName: 'ApiKeyScope', isArray: true, example: [ApiKeyScope.TICKETS] })
  scopes: ApiKeyScope[];

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;

  static from(key: ApiKeyRow): ApiKeyResponseDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
    };
  }
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    example: 'wtk_3f9a2c_Q2hhdmUgc2VjcmV0YSBkZSBleGVtcGxv',
    description: 'The key, shown only in this response: send it as the X-API-Key header',
  })
  key: string;
}

export class ApiKeyListResponseDto {
  @ApiProperty({ type: [ApiKeyResponseDto] })
  items: ApiKeyResponseDto[];
}
