import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export const MESSAGE_ORDERS = ['asc', 'desc'] as const;
export type MessageOrder = (typeof MESSAGE_ORDERS)[number];

export class MessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: MESSAGE_ORDERS,
    default: 'asc',
    description: 'asc: oldest first (page 1 holds the first messages); desc: newest first, as a chat opens',
  })
  @IsOptional()
  @IsIn(MESSAGE_ORDERS, { message: `order must be one of ${MESSAGE_ORDERS.join(', ')}` })
  order: MessageOrder = 'asc';
}
