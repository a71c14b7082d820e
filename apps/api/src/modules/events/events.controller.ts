import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope } from '@whatrack/shared';
import type { Response } from 'express';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { EventsService } from './events.service';

const EVENTS_DESCRIPTION = [
  "The caller's organization's changes as server-sent events, for as long as the connection stays open.",
  'Each event: `id: <id>` (opaque, send it back as `Last-Event-ID` to resume), `event: <name>`, `data: <json>`.',
  '`retry: 2000` comes first, then the replayed events (with Last-Event-ID), then `ready` `{ resumed }`;',
  'a `: ping` comment every 20 s. Events:',
  '`ready` `{ resumed }` (false: refetch what is on screen);',
  '`ticket.created` `{ ticketId, stageId, assigneeId, status, createdAt }`;',
  '`ticket.updated` `{ ticketId, stageId, assigneeId, dealValue, status, unreadCount, waitingSince, lastMessageAt,',
  'lastMessagePreview, lastMessageType, lastMessageDirection, updatedAt }`;',
  '`message.created` `{ ticketId, conversationId, messageId, direction, type, status, createdAt }`;',
  '`message.updated` `{ ticketId, messageId, status }`;',
  '`sale.created` `{ ticketId, saleId, value }`; `sale.deleted` `{ ticketId, saleId }`;',
  '`note.created` `{ ticketId, noteId, authorType, authorUserId, authorName, mentionedUserIds, createdAt }`',
  '(an internal note; a client whose user is in mentionedUserIds was mentioned); `note.deleted` `{ ticketId, noteId }`;',
  '`resync` `{}` (events were lost: refetch).',
  'The stream ends when the token expires, the user is removed or the API key revoked (checked every 30 s), when',
  'the client does not keep up, and at server shutdown; clients reconnect with backoff sending Last-Event-ID.',
].join(' ');

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiKeyAccess(ApiKeyScope.READ)
  @ApiProduces('text/event-stream')
  @ApiOperation({
    operationId: 'streamEvents',
    summary: "Realtime events of the caller's organization (server-sent events)",
    description: EVENTS_DESCRIPTION,
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received' })
  @ApiOkResponse({
    description: 'An endless text/event-stream (see the description for the events)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  stream(
    @Auth() auth: AuthContext,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): void {
    this.events.stream(auth, lastEventId, res);
  }
}
