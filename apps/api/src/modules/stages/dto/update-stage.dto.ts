import { PartialType } from '@nestjs/swagger';
import { CreateStageDto } from './create-stage.dto';

/** Every field optional; null is rejected rather than skipped (the columns are NOT NULL). */
export class UpdateStageDto extends PartialType(CreateStageDto, { skipNullProperties: false }) {}
