import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import type { Response } from 'express';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { StatementBudget } from '../../common/db/statement-budget';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { AuditLogListResponseDto, AuditLogQueryDto } from './dto/audit-log.dto';
import { EraseLeadDto, LeadErasureDto } from './dto/erase-lead.dto';
import { LeadExportDto } from './dto/lead-export.dto';
import { PrivacyService } from './privacy.service';

/** LGPD requests about a lead (data subject rights): managers and admin-scoped API keys only. */
@ApiTags('privacy')
@Controller('leads')
@Roles(UserRole.OWNER, UserRole.ADMIN)
@ApiKeyAccess(ApiKeyScope.ADMIN)
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get(':id/export')
  @StatementBudget('export')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiProduces('application/json')
  @ApiOperation({
    operationId: 'exportLeadData',
    summary:
      'Everything stored about a lead (LGPD): contact data, touches, conversations, and each ticket with its ' +
      'tracking, sales, timeline, messages, file metadata and conversions; sent as a file download. It can be ' +
      'large (every message of every ticket) and is bounded by the export statement budget. Audited.',
  })
  @ApiOkResponse({
    type: LeadExportDto,
    description: 'With Content-Disposition: attachment; filename="lead-<id>.json"',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async export(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LeadExportDto> {
    const document = await this.privacy.export(auth, id);
    res.setHeader('Content-Disposition', `attachment; filename="lead-${id}.json"`);
    return document;
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'eraseLeadData',
    summary:
      "Erase a lead's personal data (LGPD), in one transaction: contact data, message texts and files, click ids, " +
      'browser data of its clicks and unsent conversions go; tickets, stages, message counts and sales stay, so ' +
      'reports do not change. The same phone writing again becomes a new lead. Repeating it changes nothing. Audited.',
  })
  @ApiOkResponse({ type: LeadErasureDto })
  @ApiBadRequestResponse({ description: '`confirm` is missing or is not the lead id', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  erase(@Auth() auth: AuthContext, @UuidParam() id: string, @Body() dto: EraseLeadDto): Promise<LeadErasureDto> {
    return this.privacy.erase(auth, id, dto);
  }
}

@ApiTags('privacy')
@Controller('audit-log')
@Roles(UserRole.OWNER, UserRole.ADMIN)
@ApiKeyAccess(ApiKeyScope.ADMIN)
export class AuditLogController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listAuditLog',
    summary: "The organization's audit log (lead exports and erasures), newest first; never personal data",
  })
  @ApiOkResponse({ type: AuditLogListResponseDto })
  list(@Auth() auth: AuthContext, @Query() query: AuditLogQueryDto): Promise<AuditLogListResponseDto> {
    return this.privacy.auditLog(auth, query);
  }
}
