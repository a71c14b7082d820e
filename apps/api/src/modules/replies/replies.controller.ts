import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { MessageResponseDto } from '../conversations/dto/message-response.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { RepliesService } from './replies.service';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

@ApiTags('tickets')
@Controller('tickets/:id/messages')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'sendTicketMessage',
    summary: 'Answer the lead on WhatsApp from the ticket (free text, or an approved template on Cloud API lines)',
    description:
      'The reply is stored as pending and delivered by the outbox worker (retries with backoff; a provider outage or a ' +
      'restart loses nothing). Its status then follows the provider: sent, delivered, read, or failed with the ' +
      'provider’s error code and title. On Cloud API lines free text is accepted only within 24 h of the lead’s last ' +
      'message (409 reply_window_closed: send a template). Sent with an Idempotency-Key, a retried request answers ' +
      'the reply created the first time and sends nothing more.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Any unique string (1–128 visible ASCII characters), e.g. a UUID made by the client per reply',
  })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'reply_window_closed', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({
    description: 'whatsapp_line_not_configured, lead_without_phone, idempotency_key_reused',
    type: ErrorResponseDto,
  })
  async send(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: SendMessageDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<MessageResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw InvalidInputError.field('Idempotency-Key', 'must be 1 to 128 visible ASCII characters');
    }
    return MessageResponseDto.from(await this.replies.send(auth, id, dto, idempotencyKey));
  }

  @Post(':messageId/retry')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'retryTicketMessage',
    summary: 'Send a failed reply again (it goes back to pending)',
  })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'not_retryable, reply_window_closed', type: ErrorResponseDto })
  async retry(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @UuidParam('messageId') messageId: string,
  ): Promise<MessageResponseDto> {
    return MessageResponseDto.from(await this.replies.retry(auth, id, messageId));
  }
}
