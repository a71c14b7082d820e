import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

const META_ID = /^\d{1,64}$/;
export const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export class MetaStageRuleDto {
  @ApiProperty({
    format: 'uuid',
    example: '5f0c6a3e-2b7d-4f4e-9a51-0d6c1b2e7a90',
    description: 'Entering this stage is a conversion',
  })
  @IsUUID('all', { message: 'stageRule.stageId must be a UUID' })
  stageId: string;

  @ApiProperty({ example: 'LeadSubmitted', description: 'Meta event name sent for it' })
  @Trim()
  @Matches(EVENT_NAME, { message: 'stageRule.eventName must be an event name such as LeadSubmitted' })
  eventName: string;
}

/**
 * PUT /conversions/meta-settings replaces the settings. accessToken is write-only: absent keeps the stored one,
 * null removes it.
 */
export class UpdateMetaSettingsDto {
  @ApiProperty({ example: true, description: 'Send conversions to Meta (requires dataset, token and WABA id)' })
  @IsBoolean({ message: 'enabled must be a boolean' })
  enabled: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234567890123456', description: 'Meta dataset id' })
  @IsOptional()
  @Trim()
  @Matches(META_ID, { message: 'datasetId must be the numeric id of a Meta dataset' })
  datasetId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    writeOnly: true,
    example: 'EAAGm0PX4ZCpsBA...',
    description: 'Conversions API access token: stored encrypted, never returned; absent keeps it, null removes it',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'accessToken must be a string' })
  @Length(10, 1024, { message: 'accessToken must have between 10 and 1024 characters' })
  accessToken?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '104996279225781' })
  @IsOptional()
  @Trim()
  @Matches(META_ID, { message: 'whatsappBusinessAccountId must be the numeric id of a WhatsApp Business Account' })
  whatsappBusinessAccountId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://graph.facebook.com/v21.0',
    description: "Graph API base URL; null or absent uses the server default (Meta's)",
  })
  @IsOptional()
  @Trim()
  @MaxLength(255)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'graphApiBaseUrl must be an http(s) URL' },
  )
  graphApiBaseUrl?: string | null;

  @ApiPropertyOptional({ type: MetaStageRuleDto, nullable: true, description: 'Optional stage conversion' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MetaStageRuleDto)
  stageRule?: MetaStageRuleDto | null;
}

export class MetaSettingsResponseDto {
  @ApiProperty({ example: true })
  enabled: boolean;

  @ApiProperty({ type: String, nullable: true, example: '1234567890123456' })
  datasetId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '104996279225781' })
  whatsappBusinessAccountId: string | null;

  @ApiProperty({ example: 'https://graph.facebook.com/v21.0', description: 'Effective base URL' })
  graphApiBaseUrl: string;

  @ApiProperty({ example: true, description: 'Whether an access token is stored (it is never returned)' })
  hasAccessToken: boolean;

  @ApiProperty({ type: MetaStageRuleDto, nullable: true })
  stageRule: MetaStageRuleDto | null;
}
