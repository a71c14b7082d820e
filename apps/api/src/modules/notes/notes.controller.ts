import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { StatementBudget } from '../../common/db/statement-budget';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateNoteDto } from './dto/create-note.dto';
import { NoteQueryDto } from './dto/note-query.dto';
import { NoteListResponseDto, NoteResponseDto } from './dto/note-response.dto';
import { NotesService } from './notes.service';

@ApiTags('tickets')
@Controller('tickets/:id/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post()
  @ApiOperation({
    operationId: 'createTicketNote',
    summary: 'Leave an internal note on the ticket (the team sees it; it is never sent to the lead)',
    description:
      'The author is the caller: a user, or an API key under its own name (authorType api_key, authorUserId null). ' +
      'Each id of mentionedUserIds must be a user of the organization (400 unknown_user, field mentionedUserIds); ' +
      'those users are told through the event stream (note.created carries mentionedUserIds). Notes are not edited: ' +
      'delete one and write it again.',
  })
  @ApiCreatedResponse({ type: NoteResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid text or an unknown mentioned user', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async create(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteResponseDto> {
    return NoteResponseDto.from(await this.notes.create(auth, id, dto));
  }

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listTicketNotes',
    summary: 'Paginated internal notes of the ticket, oldest first (or newest first with order=desc)',
  })
  @ApiOkResponse({ type: NoteListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async list(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Query() query: NoteQueryDto,
  ): Promise<NoteListResponseDto> {
    const { items, total } = await this.notes.list(auth, id, query);
    return { items: items.map((n) => NoteResponseDto.from(n)), total, page: query.page, pageSize: query.pageSize };
  }

  @Delete(':noteId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteTicketNote',
    summary: 'Delete an internal note: its author, an owner or an admin (or an API key with the admin scope)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ description: 'not_note_author', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string, @UuidParam('noteId') noteId: string): Promise<void> {
    await this.notes.remove(auth, id, noteId);
  }
}
