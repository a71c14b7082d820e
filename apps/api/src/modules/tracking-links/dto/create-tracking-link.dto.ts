import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class CreateTrackingLinkDto {
  @ApiProperty({ format: 'uuid', description: 'WhatsApp instance whose number the link opens' })
  @IsUUID('all', { message: 'instanceId must be a UUID' })
  instanceId: string;

  @ApiProperty({ example: 'Google Ads - Tênis de corrida' })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 120, { message: 'name must have between 1 and 120 characters' })
  name: string;

  @ApiProperty({ example: 'Olá! Quero saber mais sobre o tênis de corrida', description: 'Pre-filled message' })
  @Trim()
  @IsString({ message: 'message must be a string' })
  @Length(1, 480, { message: 'message must have between 1 and 480 characters' })
  message: string;
}
