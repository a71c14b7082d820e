import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { AUDIT_ACTIONS, type AuditAction } from '../entities/audit-log-entry.entity';
import type { AuditEntryRow } from '../audit-log.repository';

export class AuditLogQueryDto extends PageQueryDto {}

export class AuditLogEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['user', 'api_key', 'system'], example: 'user' })
  actorType: 'user' | 'api_key' | 'system';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ana' })
  actorName: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', example: 'lead.erased' })
  action: AuditAction;

  @ApiProperty({ example: 'lead' })
  subjectType: 'lead';

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { tickets: 2, messages: 31, files: 3 },
    description: 'What the action covered (counts, never personal data)',
  })
  details: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  static from(row: AuditEntryRow): AuditLogEntryDto {
    return { ...row };
  }
}

export class AuditLogListResponseDto {
  @ApiProperty({ type: [AuditLogEntryDto], description: 'Newest first' })
  items: AuditLogEntryDto[];

  @ApiProperty({ example: 12 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
