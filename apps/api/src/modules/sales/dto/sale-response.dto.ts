import { ApiProperty } from '@nestjs/swagger';
import { TicketSaleDto } from '../../tickets/dto/ticket-detail-response.dto';

export class SaleListResponseDto {
  @ApiProperty({ type: [TicketSaleDto] })
  items: TicketSaleDto[];
}
