import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export const NOTE_ORDERS = ['asc', 'desc'] as const;
export type NoteOrder = (typeof NOTE_ORDERS)[number];

export class NoteQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: NOTE_ORDERS,
    default: 'asc',
    description: 'asc: oldest first (page 1 holds the first notes); desc: newest first, as a chat opens',
  })
  @IsOptional()
  @IsIn(NOTE_ORDERS, { message: `order must be one of ${NOTE_ORDERS.join(', ')}` })
  order: NoteOrder = 'asc';
}
