import { ApiProperty } from '@nestjs/swagger';
import type { StageRow } from '../ticket-stages.repository';

export class StageResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Novo' })
  name: string;

  @ApiProperty({ example: '#3b82f6' })
  color: string;

  @ApiProperty({ example: 0, description: 'Kanban order, ascending' })
  order: number;

  @ApiProperty({ example: false })
  isClosed: boolean;

  static from(stage: StageRow): StageResponseDto {
    return { id: stage.id, name: stage.name, color: stage.color, order: stage.position, isClosed: stage.isClosed };
  }
}

export class StageListResponseDto {
  @ApiProperty({ type: [StageResponseDto] })
  items: StageResponseDto[];
}
