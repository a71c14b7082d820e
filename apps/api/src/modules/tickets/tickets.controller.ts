import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { InboundListResponseDto } from './dto/inbound-response.dto';
import { TicketDetailResponseDto } from './dto/ticket-detail-response.dto';
import { TicketQueryDto } from './dto/ticket-query.dto';
import { TicketViewCountsDto } from './dto/ticket-queue.dto';
import { TicketListResponseDto } from './dto/ticket-response.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketExportService } from './ticket-export.service';
import { TicketListingService } from './ticket-listing.service';
import { TicketQueueService } from './ticket-queue.service';
import { TicketsService } from './tickets.service';
import { StatementBudget } from '../../common/db/statement-budget';

@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly listing: TicketListingService,
    private readonly exporter: TicketExportService,
    private readonly queue: TicketQueueService,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'createTicket',
    summary:
      'Create a ticket: find or create the lead, resolve the instance, find or create the conversation, store tracking',
    description:
      'Runs in one transaction. The lead is matched by phone (E.164, Brazilian ninth digit tolerant) or email ' +
      "(case-insensitive); phone wins. Without instanceId the organization's first instance is used (422 when it has none). " +
      'Click ids may be sent by name (gclid, fbclid, ctwaclid...) or in clickIds; unknown keys are a 400. sourceType and ' +
      'the ad platform are derived when absent.',
  })
  @ApiCreatedResponse({ type: TicketDetailResponseDto })
  @ApiNotFoundResponse({
    description: 'Instance, stage or assignee not found in the organization',
    type: ErrorResponseDto,
  })
  @ApiUnprocessableEntityResponse({ description: 'The organization has no WhatsApp instance', type: ErrorResponseDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateTicketDto): Promise<TicketDetailResponseDto> {
    return this.tickets.create(auth, dto);
  }

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listTickets',
    summary: 'Paginated tickets with filters, facets (origins, sources, stages) and summary indicators',
    description: 'Date presets are computed in the organization time zone on the ticket creation date.',
  })
  @ApiOkResponse({ type: TicketListResponseDto })
  list(@Auth() auth: AuthContext, @Query() query: TicketQueryDto): Promise<TicketListResponseDto> {
    return this.listing.list(auth, query);
  }

  @Get('inbounds')
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listInbounds',
    summary: 'Marketing view of tickets: click ids and UTMs, same filters as the listing',
  })
  @ApiOkResponse({ type: InboundListResponseDto })
  inbounds(@Auth() auth: AuthContext, @Query() query: TicketQueryDto): Promise<InboundListResponseDto> {
    return this.listing.inbounds(auth, query);
  }

  @Get('export.csv')
  @StatementBudget('export')
  @ApiProduces('text/csv')
  @ApiOperation({
    operationId: 'exportTickets',
    summary: 'Every ticket matching the filters (all pages) as CSV, streamed',
    description:
      'Same filters and sort as the listing (page and pageSize are ignored). UTF-8 with BOM, ISO dates, dot decimals.',
  })
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@Auth() auth: AuthContext, @Query() query: TicketQueryDto): Promise<StreamableFile> {
    // The CSV headers go with the file only: an error before it is the usual JSON body.
    const file = new StreamableFile(Readable.from(await this.exporter.open(auth, query)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="tickets.csv"',
    });
    // Past the first batch the status is sent: a failure cuts the connection, so no client takes a short file
    // for a whole one.
    return file.setErrorHandler((error, res) => (res.destroy ? res.destroy(error) : res.end()));
  }

  @Get('views')
  @ApiOperation({
    operationId: 'getTicketViewCounts',
    summary: "The tickets page's views: open tickets assigned to the caller, unassigned, waiting, with unread messages",
    description: "Counted over the organization's open tickets (an API key's own tickets are its creator's).",
  })
  @ApiOkResponse({ type: TicketViewCountsDto })
  views(@Auth() auth: AuthContext): Promise<TicketViewCountsDto> {
    return this.queue.viewCounts(auth);
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getTicket',
    summary: 'Ticket detail: lead, conversation, stage, tracking, sales and timeline',
  })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<TicketDetailResponseDto> {
    return this.tickets.detail(auth, id);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateTicket',
    summary:
      'Move to a stage, assign (null unassigns) or change the deal value; each change is recorded on the timeline',
  })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiNotFoundResponse({
    description: 'Ticket, stage or assignee not found in the organization',
    type: ErrorResponseDto,
  })
  update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateTicketDto,
  ): Promise<TicketDetailResponseDto> {
    return this.tickets.update(auth, id, dto);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'markTicketRead',
    summary: 'Mark the ticket read for the whole team (unreadCount 0); the ticket screen sends it when opened',
  })
  @ApiNoContentResponse({ description: 'Read' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  markRead(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    return this.queue.markRead(auth, id);
  }
}
