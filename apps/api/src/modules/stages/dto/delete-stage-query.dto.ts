import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DeleteStageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Stage that receives the deleted stage's tickets (required when it has any)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'moveTo must be a UUID' })
  moveTo?: string;
}
