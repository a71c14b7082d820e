import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export class CreateStageDto {
  @ApiProperty({ example: 'Proposta enviada' })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 60, { message: 'name must have between 1 and 60 characters' })
  name: string;

  @ApiProperty({ example: '#8b5cf6', description: 'Hex color #rrggbb' })
  @Matches(HEX_COLOR, { message: 'color must be a hex color such as #3b82f6' })
  color: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Tickets in a closed stage are closed (status closed, closedAt set)',
  })
  @IsOptional()
  @IsBoolean({ message: 'isClosed must be a boolean' })
  isClosed?: boolean;
}
