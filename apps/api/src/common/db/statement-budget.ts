import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { StatementBudgetKind } from '../../config/app-config';

export const STATEMENT_BUDGET = 'whatrack:statement-budget';
/** Shown on the operation in the OpenAPI document. */
export const STATEMENT_BUDGET_EXTENSION = 'x-statement-budget';

/**
 * Declares what a route's statements may cost: `listing` (paged lists and searches), `report` or `export` (CSV
 * files, read in batches). Each kind has its per-statement timeout (config.statementTimeouts), and all three are
 * expensive reads: only config.heavyReadConcurrency of them run at once, so sign-in, health, webhooks and writes
 * always find a free connection. Routes without it get the `default` budget.
 */
export const StatementBudget = (kind: Exclude<StatementBudgetKind, 'default'>): MethodDecorator =>
  applyDecorators(SetMetadata(STATEMENT_BUDGET, kind), ApiExtension(STATEMENT_BUDGET_EXTENSION, kind));
