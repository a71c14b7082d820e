import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { GenerateSql } from '../../database/generate-sql';

/** What PostgreSQL's autovacuum does on its own, for the embedded database, which has none. */
@Injectable()
export class DatabaseMaintenanceRepository {
  /**
   * Every table: dead rows reclaimed (the visibility map makes a table that did not change nearly free) and
   * statistics refreshed (sampled, so bounded by the sample, not the table), so that plans follow the data.
   */
  @GenerateSql({ params: [], crossTenant: 'database maintenance: every table, no row read or returned' })
  async vacuumAnalyze(db: Db): Promise<void> {
    await db.run(sql`VACUUM (ANALYZE)`);
  }
}
