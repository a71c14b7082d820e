import { PartialType } from '@nestjs/swagger';
import { CreateQuickReplyDto } from './create-quick-reply.dto';

/** Every field optional; null is rejected rather than skipped (the columns are NOT NULL). */
export class UpdateQuickReplyDto extends PartialType(CreateQuickReplyDto, { skipNullProperties: false }) {}
