import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** The health check's one statement: it touches no table, it only proves the database answers. */
@Injectable()
export class HealthRepository {
  @GenerateSql({ params: [] })
  async ping(db: Db): Promise<void> {
    await db.one(qb.selectNoFrom(sql<number>`1`.as('ok')));
  }
}
