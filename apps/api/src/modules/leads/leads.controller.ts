import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { LeadQueryDto } from './dto/lead-query.dto';
import { LeadDetailResponseDto, LeadListResponseDto, LeadResponseDto } from './dto/lead-response.dto';
import { UpdateLeadDto } from './dto/update-lead.dto';
import { LeadsService } from './leads.service';
import { StatementBudget } from '../../common/db/statement-budget';

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listLeads',
    summary: 'Paginated leads, newest first; q searches name (accent-insensitive), phone digits and email',
  })
  @ApiOkResponse({ type: LeadListResponseDto })
  list(@Auth() auth: AuthContext, @Query() query: LeadQueryDto): Promise<LeadListResponseDto> {
    return this.leads.list(auth, query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getLead', summary: 'Lead detail: contact data, conversations and tickets' })
  @ApiOkResponse({ type: LeadDetailResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<LeadDetailResponseDto> {
    return this.leads.detail(auth, id);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateLead',
    summary: 'Change the name, phone (normalized to E.164) or email (lower-cased) of a lead',
  })
  @ApiOkResponse({ type: LeadResponseDto })
  @ApiBadRequestResponse({
    description: 'Invalid field, e.g. a phone that is not a phone number',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'Another lead of the organization has this phone or email',
    type: ErrorResponseDto,
  })
  update(@Auth() auth: AuthContext, @UuidParam() id: string, @Body() dto: UpdateLeadDto): Promise<LeadResponseDto> {
    return this.leads.update(auth, id, dto);
  }
}
