import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { TicketSaleDto } from '../tickets/dto/ticket-detail-response.dto';
import { toSaleDto } from '../tickets/ticket-detail.loader';
import { CreateSaleDto } from './dto/create-sale.dto';
import { SaleListResponseDto } from './dto/sale-response.dto';
import { SalesService } from './sales.service';
import { StatementBudget } from '../../common/db/statement-budget';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { ApiKeyScope, UserRole } from '@whatrack/shared';

@ApiTags('sales')
@Controller()
export class SalesController {
  constructor(private readonly sales: SalesService) {}

  @Post('tickets/:ticketId/sales')
  @ApiOperation({
    operationId: 'createSale',
    summary: 'Record a sale of the ticket (updates its salesCount and totalValue)',
  })
  @ApiCreatedResponse({ type: TicketSaleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async create(
    @Auth() auth: AuthContext,
    @UuidParam('ticketId') ticketId: string,
    @Body() dto: CreateSaleDto,
  ): Promise<TicketSaleDto> {
    return toSaleDto(await this.sales.create(auth, ticketId, dto));
  }

  @Get('tickets/:ticketId/sales')
  @StatementBudget('listing')
  @ApiOperation({ operationId: 'listSales', summary: 'Sales of a ticket, oldest first' })
  @ApiOkResponse({ type: SaleListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async list(@Auth() auth: AuthContext, @UuidParam('ticketId') ticketId: string): Promise<SaleListResponseDto> {
    return { items: (await this.sales.list(auth, ticketId)).map(toSaleDto) };
  }

  @Delete('sales/:id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteSale', summary: "Delete a sale (the ticket's counters follow)" })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.sales.remove(auth, id);
  }
}
