import { ApiProperty } from '@nestjs/swagger';
import type { QuickReplyRow } from '../quick-replies.repository';
import { QUICK_REPLY_TEXT_DESCRIPTION } from './create-quick-reply.dto';

export class QuickReplyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'preco', description: 'Lower case, without the leading "/"' })
  shortcut: string;

  @ApiProperty({ example: 'Tabela de preços' })
  title: string;

  @ApiProperty({
    example: 'Olá {{lead.firstName}}! Nossos preços estão em https://loja.example/precos.',
    description: QUICK_REPLY_TEXT_DESCRIPTION,
  })
  text: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(row: QuickReplyRow): QuickReplyResponseDto {
    return {
      id: row.id,
      shortcut: row.shortcut,
      title: row.title,
      text: row.text,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

export class QuickReplyListResponseDto {
  @ApiProperty({ type: [QuickReplyResponseDto], description: 'By shortcut' })
  items: QuickReplyResponseDto[];
}
