import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSIGNED_TO_ME,
  DATE_RANGE_PRESETS,
  type DateRangePreset,
  TicketSourceType,
  TicketStatus,
  UNASSIGNED,
} from '@whatrack/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';
import { IsCalendarDate } from '../../../common/validation/calendar-date.decorator';

export const TICKET_SORTS = [
  'createdAt',
  '-createdAt',
  'dealValue',
  '-dealValue',
  'updatedAt',
  '-updatedAt',
  '-lastMessageAt',
  'waitingSince',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters shared by the listing, inbounds, export and reports. Dates are computed in the organization's time zone. */
export class TicketFilterDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Lead name or assignee name (case- and accent-insensitive; from 3 characters anywhere in the name, with 1 or 2 ' +
      'characters at its start), phone digits (3 or more, anywhere) or a ticket id',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: DATE_RANGE_PRESETS, default: 'all', description: 'Period of the ticket creation date' })
  @IsOptional()
  @IsIn(DATE_RANGE_PRESETS, { message: `dateRange must be one of ${DATE_RANGE_PRESETS.join(', ')}` })
  dateRange?: DateRangePreset;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Custom range start (inclusive calendar date)' })
  @IsOptional()
  @IsCalendarDate('dateFrom')
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Custom range end (inclusive calendar date)' })
  @IsOptional()
  @IsCalendarDate('dateTo')
  dateTo?: string;

  @ApiPropertyOptional({ description: 'Stage id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  stageId?: string;

  @ApiPropertyOptional({ example: 'google', description: 'utmSource' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  origin?: string;

  @ApiPropertyOptional({ enum: TicketSourceType, enumName: 'TicketSourceType' })
  @IsOptional()
  @IsEnum(TicketSourceType, { message: 'source must be paid or organic' })
  source?: TicketSourceType;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only tickets with sales; false: only without' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'hasSales must be true or false' })
  hasSales?: boolean;

  @ApiPropertyOptional({
    description:
      `The assigned user's id, \`${UNASSIGNED}\` for tickets nobody is assigned to, or \`${ASSIGNED_TO_ME}\` for ` +
      "the caller's (an API key's creator's)",
    example: UNASSIGNED,
  })
  @IsOptional()
  @ValidateIf((dto: TicketFilterDto) => dto.assigneeId !== UNASSIGNED && dto.assigneeId !== ASSIGNED_TO_ME)
  @IsUUID('all', { message: `assigneeId must be a UUID, "${UNASSIGNED}" or "${ASSIGNED_TO_ME}"` })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TicketStatus, enumName: 'TicketStatus', description: 'open or closed tickets only' })
  @IsOptional()
  @IsEnum(TicketStatus, { message: 'status must be open or closed' })
  status?: TicketStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only tickets waiting for an answer (waitingSince set); false: only the others',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'waiting must be true or false' })
  waiting?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only tickets with unread messages; false: only without' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class TicketQueryDto extends TicketFilterDto {
  @ApiPropertyOptional({
    enum: TICKET_SORTS,
    default: '-createdAt',
    description:
      '-lastMessageAt: latest activity first, tickets without messages last; waitingSince: the longest-waiting ' +
      'first, tickets not waiting last. Ties by id.',
  })
  @IsOptional()
  @IsIn(TICKET_SORTS, { message: `sort must be one of ${TICKET_SORTS.join(', ')}` })
  sort?: TicketSort;
}
