import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anyOfIds, reconcileCells, type TicketIds } from './1796310000000-TicketRollups';
import { reconcileReach } from './1796340000000-TicketReach';

/**
 * The reconcile functions, which every ticket, tracking and sale write calls with one ticket, pick that ticket by
 * `= ids[1]` instead of `= ANY(ids)`. With the array, PL/pgSQL re-planned their wide statements on every call (a
 * generic plan for `ANY` of an unknown array is estimated dearer than a custom one, so the plan cache never settles):
 * 1.3 ms and 0.7 ms of planning against 0.02 ms of execution, most of a POST /tickets in PostgreSQL. A scalar key
 * gets a generic plan by the unique (organization_id, id) indexes whatever the statistics say; forcing generic plans
 * on the array form instead froze plans made on near-empty tables (an index scan of the organization's tickets per
 * write, never re-planned on PGlite, which has no autovacuum). Bulk callers keep the array form and custom plans.
 */
const oneTicket: TicketIds = (column) => `${column} = ids[1]`;
const branches = (body: (ids: TicketIds) => string) => `
    IF cardinality(ids) = 1 THEN${body(oneTicket)}
    ELSE${body(anyOfIds)}
    END IF;`;

const functions = (cells: string, reach: string) => [
  `CREATE OR REPLACE FUNCTION "ticket_rollups_reconcile_cells"(org uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text;
  BEGIN${cells}
  END $$`,
  `CREATE OR REPLACE FUNCTION "ticket_reach_reconcile"(org uuid, ids uuid[], zone text) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN${reach}
  END $$`,
];

export class SingleTicketReconcile1796350000000 implements MigrationInterface {
  name = 'SingleTicketReconcile1796350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const fn of functions(branches(reconcileCells), branches(reconcileReach))) await queryRunner.query(fn);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of functions(reconcileCells(anyOfIds), reconcileReach(anyOfIds))) await queryRunner.query(fn);
  }
}
