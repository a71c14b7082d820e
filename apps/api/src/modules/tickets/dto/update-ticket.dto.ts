import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_MONEY } from './create-ticket.dto';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';
import { IsDecimal } from '../../../common/validation/money.decorator';

export class UpdateTicketDto {
  @ApiPropertyOptional({ description: 'Move to this stage (closing or reopening the ticket per the stage)' })
  @OptionalNotNull()
  @IsString({ message: 'stageId must be a string' })
  @MaxLength(64)
  stageId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Assign to a user; null unassigns',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'assigneeId must be a UUID or null' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ example: 2000.0, minimum: 0 })
  @OptionalNotNull()
  @IsDecimal(2, 'dealValue must be a number with at most 2 decimals')
  @Min(0, { message: 'dealValue must not be negative' })
  @Max(MAX_MONEY, { message: 'dealValue is too large' })
  dealValue?: number;
}
