import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { MediaService } from './media.service';

/** Stored files never change under their key: a browser may keep one for a day, privately. */
const CACHE_CONTROL = 'private, max-age=86400';

@ApiTags('conversations')
@Controller('messages/:id/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get()
  @ApiOperation({
    operationId: 'getMessageMedia',
    summary: 'The file of a media message (image, audio, video, document, sticker)',
    description:
      'The bytes with their stored Content-Type, once the message’s `media.status` is `stored` (its `media.url` ' +
      'points here). Images, audio, video and stickers are answered `inline`, documents as an `attachment` with ' +
      'their file name. 404 for a message of another organization, without a file, or whose file is not stored ' +
      '(pending, failed or refused). Send the Authorization (or X-API-Key) header: fetch it into a Blob.',
  })
  @ApiOkResponse({
    description: 'The file, with its own Content-Type (image/jpeg, audio/ogg, application/pdf...)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({
    description: 'No such message in the organization, or its file is not stored',
    type: ErrorResponseDto,
  })
  async get(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.media.open(auth, id);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: file.disposition,
      length: file.body.length,
    });
  }
}
