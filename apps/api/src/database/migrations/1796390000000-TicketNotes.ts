import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal notes of tickets, and their realtime events (as migration RealtimeEvents does for the other tables).
 * note.created carries who wrote it and whom it mentions (at most 20 ids), so a client can tell its user was
 * mentioned without a request; never the text (up to 4096 characters would not fit NOTIFY's 8000 bytes).
 */
const NOTES_FUNCTION = `CREATE FUNCTION "realtime_ticket_notes_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM realtime_notify(NEW.organization_id, 'note.created', json_build_object(
        'ticketId', NEW.ticket_id, 'noteId', NEW.id, 'authorType', NEW.author_type,
        'authorUserId', CASE WHEN NEW.author_type = 'user' THEN NEW.author_id END, 'authorName', NEW.author_name,
        'mentionedUserIds', to_json(NEW.mentioned_user_ids), 'createdAt', realtime_iso(NEW.created_at)));
    ELSE
      PERFORM realtime_notify(OLD.organization_id, 'note.deleted', json_build_object(
        'ticketId', OLD.ticket_id, 'noteId', OLD.id));
    END IF;
    RETURN NULL;
  END $$`;

export class TicketNotes1796390000000 implements MigrationInterface {
  name = 'TicketNotes1796390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ticket_notes" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "text" text NOT NULL, "author_type" character varying(8) NOT NULL, "author_id" uuid NOT NULL, "author_name" character varying(120) NOT NULL, "mentioned_user_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "UQ_a4ce66ae5fd4fe4ca744e02b245" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_ticket_notes_text" CHECK (char_length(text) BETWEEN 1 AND 4096), CONSTRAINT "CHK_ticket_notes_author_type" CHECK (author_type IN ('user', 'api_key')), CONSTRAINT "PK_80de74737405f5d2b67682b2a16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_notes_org_ticket_created" ON "ticket_notes" ("organization_id", "ticket_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_notes" ADD CONSTRAINT "FK_3f8863ea7f50743d083415642f7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_notes" ADD CONSTRAINT "FK_8e09565d20989ee2f4630f115e2" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(NOTES_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_ticket_notes_realtime" AFTER INSERT OR DELETE ON "ticket_notes"
       FOR EACH ROW EXECUTE FUNCTION realtime_ticket_notes_notify()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_ticket_notes_realtime" ON "ticket_notes"`);
    await queryRunner.query(`DROP FUNCTION "realtime_ticket_notes_notify"()`);
    await queryRunner.query(`ALTER TABLE "ticket_notes" DROP CONSTRAINT "FK_8e09565d20989ee2f4630f115e2"`);
    await queryRunner.query(`ALTER TABLE "ticket_notes" DROP CONSTRAINT "FK_3f8863ea7f50743d083415642f7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_notes_org_ticket_created"`);
    await queryRunner.query(`DROP TABLE "ticket_notes"`);
  }
}
