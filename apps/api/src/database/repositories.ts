import { AdSpendRepository } from '../modules/ad-spend/ad-spend.repository';
import { LoginAttemptsRepository } from '../modules/auth/login-attempts.repository';
import { AttributionReportRepository } from '../modules/reports/attribution-report.repository';
import { FunnelReportRepository } from '../modules/reports/funnel-report.repository';
import { TimeseriesReportRepository } from '../modules/reports/timeseries-report.repository';
import { SalesRepository } from '../modules/sales/sales.repository';
import { StageTicketsRepository } from '../modules/stages/stage-tickets.repository';
import { TicketStagesRepository } from '../modules/stages/ticket-stages.repository';

/**
 * Every repository class: the SQL snapshot test renders each one's statements. A repository is stateless (no
 * constructor arguments): its methods take the Db to run on, so a service composes them inside one transaction.
 */
export const REPOSITORIES: (new () => object)[] = [
  LoginAttemptsRepository,
  AdSpendRepository,
  AttributionReportRepository,
  FunnelReportRepository,
  TimeseriesReportRepository,
  SalesRepository,
  StageTicketsRepository,
  TicketStagesRepository,
];
