import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NOTE_TEXT_MAX_LENGTH } from '../entities/ticket-note.entity';

export const NOTE_MENTIONS_MAX = 20;

export class CreateNoteDto {
  @ApiProperty({
    example: 'Cliente pediu 10% de desconto. @Ana Souza, você aprova?',
    minLength: 1,
    maxLength: NOTE_TEXT_MAX_LENGTH,
    description: 'The note, as written (an @name in it is text only: mentionedUserIds says who is notified)',
  })
  @IsString({ message: 'text must be a string' })
  @MaxLength(NOTE_TEXT_MAX_LENGTH, { message: `text must have at most ${NOTE_TEXT_MAX_LENGTH} characters` })
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: NOTE_MENTIONS_MAX,
    example: ['0f1e2d3c-4b5a-4c6d-8e7f-8091a2b3c4d5'],
    description:
      "Users of the caller's organization to notify (GET /users lists them); an unknown id is a 400 naming it",
  })
  @IsOptional()
  @IsArray({ message: 'mentionedUserIds must be an array of user ids' })
  @ArrayMaxSize(NOTE_MENTIONS_MAX, { message: `mentionedUserIds must have at most ${NOTE_MENTIONS_MAX} items` })
  @ArrayUnique({ message: 'mentionedUserIds must not repeat a user' })
  @IsUUID('all', { each: true, message: 'mentionedUserIds must be an array of user ids' })
  mentionedUserIds?: string[];
}
