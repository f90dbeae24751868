import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConversationWorkflow1795338022099 implements MigrationInterface {
  name = 'AddConversationWorkflow1795338022099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "conversation_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "conversation_id" uuid NOT NULL,
        "kind" character varying(8) NOT NULL,
        "field" character varying(40) NOT NULL,
        "old_value" jsonb,
        "new_value" jsonb,
        "reason" character varying(500),
        "actor_user_id" uuid,
        CONSTRAINT "PK_d69d1aeac5bf8d33983a582653d" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_conversation_events_kind" CHECK ("kind" IN ('status', 'field')),
        CONSTRAINT "FK_ed5e1b1a8641ed3cf58d9715a92" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_ba970f7c2f1f3d96bcfbda1a998" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_f1e5e8677515e3fa190cce5487a" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_conversation_events_org_conversation_created" ON "conversation_events" ("organization_id", "conversation_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "conversation_reads" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "user_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL,
        "read_inbound_count" integer NOT NULL DEFAULT 0,
        "marked_unread" boolean NOT NULL DEFAULT false,
        "last_read_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_93991f5efb9a8d6ceeb252e9b27" PRIMARY KEY ("id"),
        CONSTRAINT "FK_4d9ebb2f6c1d2d37f138cc584c1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_624a8ae9effca740379bff2bcd6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_25d515c61b895dc8d16c4a74ca0" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE
      )
    `);
    // The list joins one row per (caller, conversation) through this key; it also serves the upsert.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_conversation_reads_org_user_conversation" ON "conversation_reads" ("organization_id", "user_id", "conversation_id")`,
    );
    // List filters and sorts, each walked in the list's order (newest first, id as tie-breaker).
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_org_owner_last_message" ON "conversations" ("organization_id", "owner_type", "last_message_at" DESC NULLS LAST, "id" DESC)`,
    );
    // Serves both the urgent filter and the urgency sort (urgent first, then latest activity).
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_org_urgent_last_message" ON "conversations" ("organization_id", "urgent" DESC, "last_message_at" DESC NULLS LAST, "id" DESC)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_conversations_org_created" ON "conversations" ("organization_id", "created_at" DESC, "id" DESC)`);
    // Open load per secretary for fair assignment, without reading her closed history.
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_org_assigned_open" ON "conversations" ("organization_id", "assigned_to_id") WHERE "status" <> 'CLOSED'`,
    );
    // The unassigned queue the assignment engine drains: urgent first, then the longest-waiting patient.
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_org_waiting_queue" ON "conversations" ("organization_id", "urgent" DESC, (COALESCE("last_inbound_at", "created_at")))
       WHERE "assigned_to_id" IS NULL AND "status" <> 'CLOSED' AND ("status" = 'WAITING_SECRETARY' OR "owner_type" = 'none')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_waiting_queue"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_assigned_open"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_created"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_urgent_last_message"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_owner_last_message"`);
    await queryRunner.query(`DROP TABLE "conversation_reads"`);
    await queryRunner.query(`DROP TABLE "conversation_events"`);
  }
}
