import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class EraseLeadDto {
  @ApiProperty({
    format: 'uuid',
    example: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    description: "The lead's id again: an erasure cannot be undone, so it is never the result of a stray request",
  })
  @IsString({ message: 'confirm must be the id of the lead to erase' })
  confirm: string;
}

export class LeadErasureDto {
  @ApiProperty({ format: 'uuid' })
  leadId: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the lead was erased (the first time)' })
  erasedAt: Date;

  @ApiProperty({ example: true, description: 'false when the lead had already been erased: nothing changed' })
  erasedNow: boolean;
}
