import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reconcile functions that every ticket, tracking and sale write calls run their statements on generic plans.
 * PL/pgSQL would otherwise keep re-planning them per call (a generic plan for `id = ANY(ids)` is estimated dearer
 * than a custom one, so the plan cache never switches): planning the wide UNION/anti-join statements cost about
 * 1.3 ms and 0.7 ms per call against 0.02 ms of execution, the better part of a POST /tickets in PostgreSQL.
 * A CREATE OR REPLACE of these functions must repeat the SET clause (it replaces the function's settings).
 */
const FUNCTIONS = ['ticket_rollups_reconcile_cells(uuid, uuid[])', 'ticket_reach_reconcile(uuid, uuid[], text)'];

export class GenericReconcilePlans1796350000000 implements MigrationInterface {
  name = 'GenericReconcilePlans1796350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS)
      await queryRunner.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await queryRunner.query(`ALTER FUNCTION ${fn} RESET plan_cache_mode`);
  }
}
