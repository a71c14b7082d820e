import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { ConversionsService } from './conversions.service';
import { ConversionListQueryDto, ConversionPeriodQueryDto, GoogleAdsExportQueryDto } from './dto/conversion-query.dto';
import { ConversionListResponseDto, MetaPreviewResponseDto } from './dto/conversion-response.dto';
import { MetaSettingsResponseDto, UpdateMetaSettingsDto } from './dto/meta-settings.dto';
import { MetaSettingsService } from './meta-settings.service';
import { StatementBudget } from '../../common/db/statement-budget';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';

@ApiTags('conversions')
@Controller('conversions')
export class ConversionsController {
  constructor(
    private readonly conversions: ConversionsService,
    private readonly metaSettings: MetaSettingsService,
  ) {}

  @Get('google-ads.csv')
  @StatementBudget('export')
  @ApiProduces('text/csv')
  @ApiOperation({
    operationId: 'exportGoogleAdsConversions',
    summary: 'Google Ads offline conversion import file of the sales of tickets with a Google click id',
    description:
      'First line `Parameters:TimeZone=<organization time zone>`, then the header `Google Click ID,Conversion ' +
      'Name,Conversion Time,Conversion Value,Conversion Currency` and one row per sale sold (soldAt) in the period ' +
      'whose ticket has a gclid: time as yyyy-MM-dd HH:mm:ss in the organization time zone, value with a dot ' +
      'decimal, the organization currency. variant=gbraid or wbraid produces the same file with the GBRAID or ' +
      'WBRAID column instead, for tickets with that id and no gclid (wbraid: and no gbraid), so a sale is never in ' +
      'two files. Click ids that are not URL-safe tokens are left out. CRLF line ends, UTF-8.',
  })
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  async googleAds(@Auth() auth: AuthContext, @Query() query: GoogleAdsExportQueryDto): Promise<StreamableFile> {
    const csv = await this.conversions.googleAdsCsv(auth, query);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="google-ads-conversions-${query.variant ?? 'gclid'}.csv"`,
    });
  }

  @Get('meta-settings')
  @ApiOperation({
    operationId: 'getMetaSettings',
    summary: 'Meta Conversions API settings (the access token is never returned, only hasAccessToken)',
  })
  @ApiOkResponse({ type: MetaSettingsResponseDto })
  getMetaSettings(@Auth() auth: AuthContext): Promise<MetaSettingsResponseDto> {
    return this.metaSettings.get(auth);
  }

  @Put('meta-settings')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'updateMetaSettings',
    summary: 'Replace the Meta Conversions API settings',
    description:
      'Enabling requires datasetId, whatsappBusinessAccountId and an access token (sent now or stored before). ' +
      'accessToken is write-only and stored AES-256-GCM encrypted: omit it to keep the stored one, null removes ' +
      'it. While enabled, each new sale of a ticket with a ctwaclid queues a "Purchase" conversion, and with ' +
      'stageRule the first entry of such a ticket into that stage queues stageRule.eventName; conversions are ' +
      'queued from the moment they are enabled (earlier ones are not backfilled; see meta-preview). In production ' +
      'graphApiBaseUrl must be https on the host of the server default.',
  })
  @ApiOkResponse({ type: MetaSettingsResponseDto })
  @ApiNotFoundResponse({ description: 'stageRule.stageId is not a stage of the organization', type: ErrorResponseDto })
  updateMetaSettings(@Auth() auth: AuthContext, @Body() dto: UpdateMetaSettingsDto): Promise<MetaSettingsResponseDto> {
    return this.metaSettings.update(auth, dto);
  }

  @Get('meta-preview')
  @StatementBudget('report')
  @ApiOperation({
    operationId: 'previewMetaConversions',
    summary: 'The Meta events of the period, as they would be sent, for checking before enabling',
    description:
      'Purchase events of the sales sold (soldAt) in the period and, with a stage rule, the events of the first ' +
      'entry of tickets into the stage, for tickets with a ctwaclid; built by the same code as the queued ones. ' +
      'At most 1000 events, newest first. Stage events carry the current deal value of the ticket.',
  })
  @ApiOkResponse({ type: MetaPreviewResponseDto })
  metaPreview(@Auth() auth: AuthContext, @Query() query: ConversionPeriodQueryDto): Promise<MetaPreviewResponseDto> {
    return this.conversions.metaPreview(auth, query);
  }

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listConversions',
    summary: 'Queued conversions and their delivery status (pending, sent, failed, skipped), newest first',
    description:
      'pending: waiting or retrying (attempts, lastError and nextAttemptAt tell); sent; failed: gave up after the ' +
      'maximum attempts, lastError kept; skipped: not sendable (older than the 7 days Meta accepts, or the sale ' +
      'was deleted before it was sent).',
  })
  @ApiOkResponse({ type: ConversionListResponseDto })
  list(@Auth() auth: AuthContext, @Query() query: ConversionListQueryDto): Promise<ConversionListResponseDto> {
    return this.conversions.list(auth, query);
  }
}
