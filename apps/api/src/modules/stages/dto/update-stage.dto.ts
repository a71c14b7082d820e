import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';
import { CreateStageDto } from './create-stage.dto';

/** Every field optional; null is rejected rather than skipped (the columns are NOT NULL). */
export class UpdateStageDto extends PartialType(OmitType(CreateStageDto, ['isClosed'] as const), {
  skipNullProperties: false,
}) {
  // Declared again: an absent isClosed leaves the stage as it is, so the create default (false) does not apply.
  @ApiPropertyOptional({
    description: 'Tickets in a closed stage are closed (status closed, closedAt set); absent: unchanged',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'isClosed must be a boolean' })
  isClosed?: boolean;
}
