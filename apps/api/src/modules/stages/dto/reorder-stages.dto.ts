import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';

export class ReorderStagesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every stage id of the organization, in the new order' })
  @IsArray({ message: 'ids must be an array' })
  @ArrayNotEmpty({ message: 'ids must not be empty' })
  @IsUUID('all', { each: true, message: 'each value in ids must be a UUID' })
  ids: string[];
}
