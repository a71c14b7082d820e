import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';

/**
 * Contract stand-in on the web branch, REPLACED ON MERGE by the media branch's real route: it only declares
 * GET /api/v1/messages/{id}/media (guides/13-contract.md) so the SPA's generated client knows it, and answers 404.
 */
@ApiTags('conversations')
@Controller('messages')
export class MessageMediaController {
  @Get(':id/media')
  @ApiOperation({ operationId: 'getMessageMedia', summary: 'The stored file of a media message' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The bytes, with the stored Content-Type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  media(@Auth() _auth: AuthContext, @UuidParam() id: string): never {
    throw NotFoundError.of('Media of message', id);
  }
}
