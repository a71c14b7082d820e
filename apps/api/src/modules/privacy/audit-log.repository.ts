import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { Actor } from '../tickets/ticket-events.repository';
import type { AuditAction } from './entities/audit-log-entry.entity';

export interface NewAuditEntry {
  organizationId: string;
  actor: Actor;
  action: AuditAction;
  subjectType: 'lead';
  subjectId: string;
  /** Never personal data: the entry outlives an erasure. */
  details: Record<string, unknown>;
  at: Date;
}

export interface AuditEntryRow {
  id: string;
  actorType: Actor['type'];
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  subjectType: 'lead';
  subjectId: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** The SQL of audit_log: appended to in the transaction of what it records, read newest first. */
@Injectable()
export class AuditLogRepository {
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        actor: { type: 'user', id: DummyValue.UUID2, name: 'Ana' },
        action: 'lead.erased',
        subjectType: 'lead',
        subjectId: DummyValue.UUID2,
        details: { tickets: 1 },
        at: DummyValue.DATE,
      },
    ],
  })
  async record(db: Db, entry: NewAuditEntry): Promise<void> {
    await db.run(
      qb.insertInto('audit_log').values({
        organization_id: entry.organizationId,
        actor_type: entry.actor.type,
        actor_id: entry.actor.id,
        actor_name: entry.actor.name,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        details: JSON.stringify(entry.details),
        created_at: entry.at,
        updated_at: entry.at,
      }),
    );
  }

  /** A page of the organization's entries, newest first. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, limit: 20, offset: 0 }] })
  page(
    db: Db,
    { organizationId, limit, offset }: { organizationId: string; limit: number; offset: number },
  ): Promise<AuditEntryRow[]> {
    return db.all(
      qb
        .selectFrom('audit_log')
        .select([
          'id',
          'actor_type as actorType',
          'actor_id as actorId',
          'actor_name as actorName',
          'action',
          'subject_type as subjectType',
          'subject_id as subjectId',
          'details',
          'created_at as createdAt',
        ])
        .where('organization_id', '=', organizationId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .$castTo<AuditEntryRow>(),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  async count(db: Db, { organizationId }: { organizationId: string }): Promise<number> {
    const row = await db.one(
      qb
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where('organization_id', '=', organizationId),
    );
    return row.total;
  }
}
