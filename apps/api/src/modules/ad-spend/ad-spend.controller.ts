import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { AdSpendService } from './ad-spend.service';
import { AdSpendQueryDto } from './dto/ad-spend-query.dto';
import { AdSpendListResponseDto } from './dto/ad-spend-response.dto';
import { ImportAdSpendDto, ImportAdSpendResultDto, MAX_AD_SPEND_ROWS } from './dto/import-ad-spend.dto';
import { StatementBudget } from '../../common/db/statement-budget';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { ApiKeyScope, UserRole } from '@whatrack/shared';

export const MAX_AD_SPEND_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The upload takes one file; multer would otherwise hold any number of text fields of any size in memory (one of
 * 63 MB was seen). Text fields are not used, so a few small ones are tolerated and the rest refused with a 400.
 */
const MULTIPART_LIMITS = {
  fileSize: MAX_AD_SPEND_FILE_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 8 * 1024,
  fieldNameSize: 100,
  parts: 11,
  headerPairs: 50,
};

/** The part of multer's file that is used (memory storage). */
interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
  size: number;
}

@ApiTags('ad-spend')
@Controller('ad-spend')
export class AdSpendController {
  constructor(private readonly adSpend: AdSpendService) {}

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: MULTIPART_LIMITS }))
  @ApiOperation({
    operationId: 'importAdSpend',
    summary: 'Import daily ad spend per platform and campaign, as JSON rows or a CSV file',
    description:
      'Either JSON `{rows: [{date, platform, campaign, spend}]}` or a multipart upload whose field `file` is a CSV ' +
      'with the header `date,platform,campaign,spend` (any column order; comma, semicolon or tab separated; UTF-8 or ' +
      'Windows-1252; spend with a dot or comma decimal). `date` is a calendar day (YYYY-MM-DD) in the organization ' +
      'time zone, `platform` an ad platform key (google_ads, meta_ads, tiktok_ads) and `campaign` the name the ' +
      `tickets carry in utmCampaign. Up to ${MAX_AD_SPEND_ROWS} rows. Every row is checked first: any bad row rejects ` +
      'the whole import with a 400 whose details name it (`rows[3].spend`, "row 4: …", counting data rows from 1 ' +
      'without the header), and nothing is written. Importing the same (date, platform, campaign) again replaces ' +
      'its spend, so re-importing a report never doubles it.',
  })
  @ApiExtraModels(ImportAdSpendDto)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ImportAdSpendDto) },
        {
          type: 'object',
          required: ['file'],
          properties: {
            file: {
              type: 'string',
              format: 'binary',
              description: 'CSV file, e.g. `date,platform,campaign,spend` then `2026-03-01,google_ads,lead_gen,150.75`',
            },
          },
        },
      ],
    },
  })
  @ApiOkResponse({ type: ImportAdSpendResultDto })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 5 MB', type: ErrorResponseDto })
  import(
    @Auth() auth: AuthContext,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() body: unknown,
  ): Promise<ImportAdSpendResultDto> {
    if (file) return this.adSpend.importCsv(auth, file.buffer);
    if (contentType?.toLowerCase().startsWith('multipart/')) {
      throw InvalidInputError.field('file', 'file is required: upload the CSV in the multipart field "file"');
    }
    return this.adSpend.importJson(auth, body);
  }

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listAdSpend',
    summary: 'Imported ad spend rows, newest day first, with the total of every matching row',
  })
  @ApiOkResponse({ type: AdSpendListResponseDto })
  list(@Auth() auth: AuthContext, @Query() query: AdSpendQueryDto): Promise<AdSpendListResponseDto> {
    return this.adSpend.list(auth, query);
  }

  @Delete(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteAdSpend', summary: 'Delete one ad spend row' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.adSpend.remove(auth, id);
  }
}
