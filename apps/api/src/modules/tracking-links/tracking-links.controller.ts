import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { CreateTrackingLinkDto } from './dto/create-tracking-link.dto';
import { TrackingLinkListResponseDto, TrackingLinkResponseDto } from './dto/tracking-link-response.dto';
import { TrackingLinksService } from './tracking-links.service';
import { StatementBudget } from '../../common/db/statement-budget';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { ApiKeyScope, UserRole } from '@whatrack/shared';

@ApiTags('tracking-links')
@Controller('tracking-links')
export class TrackingLinksController {
  constructor(private readonly links: TrackingLinksService) {}

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'createTrackingLink',
    summary:
      'Create a link that records UTMs and click ids, then opens WhatsApp with a code that attributes the ticket',
  })
  @ApiCreatedResponse({ type: TrackingLinkResponseDto })
  @ApiNotFoundResponse({ description: 'Instance not found in the organization', type: ErrorResponseDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateTrackingLinkDto): Promise<TrackingLinkResponseDto> {
    return this.links.create(auth, dto);
  }

  @Get()
  @StatementBudget('listing')
  @ApiOperation({ operationId: 'listTrackingLinks', summary: 'Tracking links with their clicks and tickets counts' })
  @ApiOkResponse({ type: TrackingLinkListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<TrackingLinkListResponseDto> {
    return { items: await this.links.list(auth) };
  }
}
