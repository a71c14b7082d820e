import { TicketSourceType } from '@whatrack/shared';
import { DummyValue } from '../../database/generate-sql';
import type { ReportFilter } from './report-filter.sql';

/** @GenerateSql examples shared by the report repositories: a bare scope, and one with every filter. */
export const BARE_FILTER: ReportFilter = { organizationId: DummyValue.UUID };

export const FULL_FILTER: ReportFilter = {
  organizationId: DummyValue.UUID,
  stageId: DummyValue.UUID2,
  origin: 'google',
  source: TicketSourceType.PAID,
  hasSales: true,
  assigneeId: DummyValue.UUID2,
  q: 'ana 11987',
  platformId: DummyValue.UUID2,
};

export const PERIOD = { from: new Date('2026-01-01T03:00:00.000Z'), to: new Date('2026-02-01T03:00:00.000Z') };
