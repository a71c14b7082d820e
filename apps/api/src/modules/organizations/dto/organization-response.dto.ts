import { ApiProperty } from '@nestjs/swagger';
import type { OrganizationRow } from '../organizations.repository';

export class OrganizationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Loja da Maria' })
  name: string;

  @ApiProperty({ example: 'America/Sao_Paulo', description: 'IANA time zone used for date presets and reports' })
  timezone: string;

  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty()
  createdAt: Date;

  static from(org: OrganizationRow): OrganizationResponseDto {
    return { id: org.id, name: org.name, timezone: org.timezone, currency: org.currency, createdAt: org.createdAt };
  }
}
